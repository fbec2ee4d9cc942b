package dev.stepwise.migration.jpa.model;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One entity model in eight steps, as a team evolves it: each step's classes map the same
 * tables ({@code customer}, {@code purchase_order}), with Boot's naming for the columns.
 */
public final class EvolvingModel {

	private EvolvingModel() {
	}

	/** The managed classes of a step, 1 to 8. */
	public static List<Class<?>> step(int step) {
		return switch (step) {
			case 1 -> List.of(Step1.Customer.class, Step1.PurchaseOrder.class);
			case 2 -> List.of(Step2.Customer.class, Step2.PurchaseOrder.class);
			case 3 -> List.of(Step3.Customer.class, Step3.PurchaseOrder.class);
			case 4 -> List.of(Step4.Customer.class, Step4.PurchaseOrder.class);
			case 5 -> List.of(Step5.Customer.class, Step5.PurchaseOrder.class);
			case 6 -> List.of(Step6.Customer.class, Step6.PurchaseOrder.class);
			case 7 -> List.of(Step7.Customer.class, Step7.PurchaseOrder.class);
			case 8 -> List.of(Step8.Customer.class);
			default -> throw new IllegalArgumentException("No step " + step);
		};
	}

	/** What each step does. */
	public static String description(int step) {
		return switch (step) {
			case 1 -> "create the tables";
			case 2 -> "add a column";
			case 3 -> "add a relation with its foreign key and index";
			case 4 -> "add a unique constraint";
			case 5 -> "rename a column";
			case 6 -> "change a type";
			case 7 -> "make a column NOT NULL";
			case 8 -> "drop a table";
			default -> throw new IllegalArgumentException("No step " + step);
		};
	}

	/** Step 1: create the tables. */
	public static final class Step1 {

		@Entity(name = "Customer")
		@Table(name = "customer")
		public static class Customer {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100)
			String email;

		}

		@Entity(name = "PurchaseOrder")
		public static class PurchaseOrder {

			@Id
			@GeneratedValue(strategy = GenerationType.SEQUENCE)
			Long id;

			@Column(precision = 10, scale = 2)
			BigDecimal total;

		}

	}

	/** Step 2: add a column. */
	public static final class Step2 {

		@Entity(name = "Customer")
		@Table(name = "customer")
		public static class Customer {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100)
			String email;

			String fullName;

		}

		@Entity(name = "PurchaseOrder")
		public static class PurchaseOrder {

			@Id
			@GeneratedValue(strategy = GenerationType.SEQUENCE)
			Long id;

			@Column(precision = 10, scale = 2)
			BigDecimal total;

		}

	}

	/** Step 3: add a relation with its foreign key and index. */
	public static final class Step3 {

		@Entity(name = "Customer")
		@Table(name = "customer")
		public static class Customer {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100)
			String email;

			String fullName;

		}

		@Entity(name = "PurchaseOrder")
		@Table(indexes = @Index(name = "purchase_order_customer_idx", columnList = "customer_id"))
		public static class PurchaseOrder {

			@Id
			@GeneratedValue(strategy = GenerationType.SEQUENCE)
			Long id;

			@Column(precision = 10, scale = 2)
			BigDecimal total;

			@ManyToOne
			@JoinColumn(name = "customer_id")
			Customer customer;

		}

	}

	/** Step 4: add a unique constraint. */
	public static final class Step4 {

		@Entity(name = "Customer")
		@Table(name = "customer")
		public static class Customer {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100, unique = true)
			String email;

			String fullName;

		}

		@Entity(name = "PurchaseOrder")
		@Table(indexes = @Index(name = "purchase_order_customer_idx", columnList = "customer_id"))
		public static class PurchaseOrder {

			@Id
			@GeneratedValue(strategy = GenerationType.SEQUENCE)
			Long id;

			@Column(precision = 10, scale = 2)
			BigDecimal total;

			@ManyToOne
			@JoinColumn(name = "customer_id")
			Customer customer;

		}

	}

	/** Step 5: rename a column. */
	public static final class Step5 {

		@Entity(name = "Customer")
		@Table(name = "customer")
		public static class Customer {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100, unique = true)
			String email;

			String displayName;

		}

		@Entity(name = "PurchaseOrder")
		@Table(indexes = @Index(name = "purchase_order_customer_idx", columnList = "customer_id"))
		public static class PurchaseOrder {

			@Id
			@GeneratedValue(strategy = GenerationType.SEQUENCE)
			Long id;

			@Column(precision = 10, scale = 2)
			BigDecimal total;

			@ManyToOne
			@JoinColumn(name = "customer_id")
			Customer customer;

		}

	}

	/** Step 6: change a type. */
	public static final class Step6 {

		@Entity(name = "Customer")
		@Table(name = "customer")
		public static class Customer {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100, unique = true)
			String email;

			String displayName;

		}

		@Entity(name = "PurchaseOrder")
		@Table(indexes = @Index(name = "purchase_order_customer_idx", columnList = "customer_id"))
		public static class PurchaseOrder {

			@Id
			@GeneratedValue(strategy = GenerationType.SEQUENCE)
			Long id;

			@Column(precision = 12, scale = 2)
			BigDecimal total;

			@ManyToOne
			@JoinColumn(name = "customer_id")
			Customer customer;

		}

	}

	/** Step 7: make a column NOT NULL. */
	public static final class Step7 {

		@Entity(name = "Customer")
		@Table(name = "customer")
		public static class Customer {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100, unique = true)
			String email;

			@Column(nullable = false)
			String displayName;

		}

		@Entity(name = "PurchaseOrder")
		@Table(indexes = @Index(name = "purchase_order_customer_idx", columnList = "customer_id"))
		public static class PurchaseOrder {

			@Id
			@GeneratedValue(strategy = GenerationType.SEQUENCE)
			Long id;

			@Column(precision = 12, scale = 2)
			BigDecimal total;

			@ManyToOne
			@JoinColumn(name = "customer_id")
			Customer customer;

		}

	}

	/** Step 8: drop a table. */
	public static final class Step8 {

		@Entity(name = "Customer")
		@Table(name = "customer")
		public static class Customer {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100, unique = true)
			String email;

			@Column(nullable = false)
			String displayName;

		}

	}

}
