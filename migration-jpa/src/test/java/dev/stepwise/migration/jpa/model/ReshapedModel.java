package dev.stepwise.migration.jpa.model;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/**
 * One table, {@code invoice}, reshaped in the ways the running release does not survive in
 * place: a type change and a new NOT NULL, on the same column names or on new ones.
 */
public final class ReshapedModel {

	private ReshapedModel() {
	}

	/** The table as released: a decimal amount and a nullable note. */
	public static List<Class<?>> released() {
		return List.of(Released.Invoice.class);
	}

	/** The amount's type changed and the note made NOT NULL, under the same column names. */
	public static List<Class<?>> sameNames() {
		return List.of(SameNames.Invoice.class);
	}

	/** The new shapes under new column names: what an expand needs. */
	public static List<Class<?>> newNames() {
		return List.of(NewNames.Invoice.class);
	}

	/** A new NOT NULL column without a default. */
	public static List<Class<?>> newNotNullColumn() {
		return List.of(NewNotNullColumn.Invoice.class);
	}

	/** A new NOT NULL column with a default. */
	public static List<Class<?>> newNotNullColumnWithDefault() {
		return List.of(NewNotNullColumnWithDefault.Invoice.class);
	}

	/** A longer note: a widening, which the running release survives. */
	public static List<Class<?>> widened() {
		return List.of(Widened.Invoice.class);
	}

	public static final class Released {

		@Entity(name = "Invoice")
		@Table(name = "invoice")
		public static class Invoice {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(precision = 10, scale = 2)
			BigDecimal amount;

			@Column(length = 100)
			String note;

		}

	}

	public static final class SameNames {

		@Entity(name = "Invoice")
		@Table(name = "invoice")
		public static class Invoice {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			Long amount;

			@Column(length = 100, nullable = false)
			String note;

		}

	}

	public static final class NewNames {

		@Entity(name = "Invoice")
		@Table(name = "invoice")
		public static class Invoice {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			Long amountCents;

			@Column(length = 100, nullable = false)
			@ColumnDefault("'none'")
			String noteText;

		}

	}

	public static final class NewNotNullColumn {

		@Entity(name = "Invoice")
		@Table(name = "invoice")
		public static class Invoice {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(precision = 10, scale = 2)
			BigDecimal amount;

			@Column(length = 100)
			String note;

			@Column(length = 10, nullable = false)
			String currency;

		}

	}

	public static final class NewNotNullColumnWithDefault {

		@Entity(name = "Invoice")
		@Table(name = "invoice")
		public static class Invoice {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(precision = 10, scale = 2)
			BigDecimal amount;

			@Column(length = 100)
			String note;

			@Column(length = 10, nullable = false)
			@ColumnDefault("'EUR'")
			String currency;

		}

	}

	public static final class Widened {

		@Entity(name = "Invoice")
		@Table(name = "invoice")
		public static class Invoice {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(precision = 12, scale = 2)
			BigDecimal amount;

			@Column(length = 200)
			String note;

		}

	}

}
