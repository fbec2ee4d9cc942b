package dev.stepwise.migration.jpa.naming;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/** Boot's naming: {@code OrderLine.unitPrice} is {@code order_line.unit_price}. */
@Entity
public class OrderLine {

	@Id
	Long id;

	BigDecimal unitPrice;

	@Column(name = "qty")
	Integer quantityOrdered;

	@ManyToMany
	java.util.Set<ProductTag> productTags;

	/** An explicit table name wins over the naming strategy. */
	@Entity
	@Table(name = "tags")
	public static class ProductTag {

		@Id
		Long id;

		String labelText;

	}

}
