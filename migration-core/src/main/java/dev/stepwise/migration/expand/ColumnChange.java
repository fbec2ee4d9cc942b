package dev.stepwise.migration.expand;

import java.util.Locale;
import java.util.Objects;

import dev.stepwise.migration.api.ChangeOperation;
import org.jspecify.annotations.Nullable;

/**
 * A change of a column that running code uses, described once and run as expand (a new
 * column kept in sync with the old one) and, in a later release, contract (the old column
 * dropped).
 * <p>
 * The new shape is always a new column: the old application reads and writes the old
 * column, the new application the new column, and sync triggers copy every write across.
 * After the contract the new column keeps its name, because renaming it would break the
 * application that uses it at that moment. Conversion expressions are SQL over the
 * source column, by its name: {@code toNewExpression} reads the old column and
 * {@code toOldExpression} the new one.
 */
public final class ColumnChange {

	private final ChangeOperation operation;

	private final String table;

	private final String column;

	private final String newColumn;

	private final @Nullable String newType;

	private final @Nullable String toNewExpression;

	private final @Nullable String toOldExpression;

	private final @Nullable String valueForNulls;

	private final boolean backfillInBackground;

	private ColumnChange(ChangeOperation operation, String table, String column, String newColumn,
			@Nullable String newType, @Nullable String toNewExpression, @Nullable String toOldExpression,
			@Nullable String valueForNulls) {
		this(operation, table, column, newColumn, newType, toNewExpression, toOldExpression, valueForNulls, false);
	}

	private ColumnChange(ChangeOperation operation, String table, String column, String newColumn,
			@Nullable String newType, @Nullable String toNewExpression, @Nullable String toOldExpression,
			@Nullable String valueForNulls, boolean backfillInBackground) {
		this.operation = operation;
		this.table = requireText(table, "table");
		this.column = requireText(column, "column");
		this.newColumn = requireText(newColumn, "newColumn");
		if (column.equalsIgnoreCase(newColumn)) {
			throw new IllegalArgumentException("newColumn must differ from column '" + column + "'");
		}
		this.newType = newType;
		this.toNewExpression = toNewExpression;
		this.toOldExpression = toOldExpression;
		this.valueForNulls = valueForNulls;
		this.backfillInBackground = backfillInBackground;
	}

	/**
	 * The same change, with its backfill left to run after start-up, in the background
	 * ({@code Stepwise.resumeBackfills()}, which the Spring Boot starter calls): for a table
	 * too large to backfill before the application serves. The sync triggers keep new writes
	 * consistent meanwhile, and a contract finishes the backfill before it drops anything.
	 * @return the change, backfilled in the background
	 */
	public ColumnChange backfillInBackground() {
		return new ColumnChange(this.operation, this.table, this.column, this.newColumn, this.newType,
				this.toNewExpression, this.toOldExpression, this.valueForNulls, true);
	}

	/** Whether the backfill runs after start-up rather than within the expand. */
	public boolean isBackfilledInBackground() {
		return this.backfillInBackground;
	}

	/**
	 * Renames a column: the new column has the old one's type, and takes its NOT NULL at
	 * the contract.
	 * @param table the table
	 * @param column the column's current name
	 * @param newName the name the new application uses
	 * @return the change
	 */
	public static ColumnChange renameColumn(String table, String column, String newName) {
		return new ColumnChange(ChangeOperation.RENAME_COLUMN, table, column, newName, null, null, null, null);
	}

	/**
	 * Changes a column's type through a new column named {@code <column>_new}.
	 * @param table the table
	 * @param column the column
	 * @param newType the new type, as SQL (such as {@code BIGINT})
	 * @param toNewExpression the new value from the old column, such as {@code CAST(amount * 100 AS BIGINT)}
	 * @param toOldExpression the old value from the new column, such as {@code amount_new / 100.0}
	 * @return the change
	 * @see #changeColumnType(String, String, String, String, String, String)
	 */
	public static ColumnChange changeColumnType(String table, String column, String newType, String toNewExpression,
			String toOldExpression) {
		return changeColumnType(table, column, column + "_new", newType, toNewExpression, toOldExpression);
	}

	/**
	 * Changes a column's type through a new column of the given name. Both conversions
	 * should be exact inverses on the values in use, or undoing the contract cannot give
	 * the old values back.
	 * @param table the table
	 * @param column the column
	 * @param newColumn the new column's name, used by the new application
	 * @param newType the new type, as SQL (such as {@code BIGINT})
	 * @param toNewExpression the new value, SQL over {@code column}
	 * @param toOldExpression the old value, SQL over {@code newColumn}
	 * @return the change
	 */
	public static ColumnChange changeColumnType(String table, String column, String newColumn, String newType,
			String toNewExpression, String toOldExpression) {
		return new ColumnChange(ChangeOperation.CHANGE_COLUMN_TYPE, table, column, newColumn,
				requireText(newType, "newType"), requireText(toNewExpression, "toNewExpression"),
				requireText(toOldExpression, "toOldExpression"), null);
	}

	/**
	 * Makes a column NOT NULL through a new column named {@code <column>_new}.
	 * @param table the table
	 * @param column the column
	 * @param valueForNulls SQL for the value that replaces null, such as {@code 'unknown'}
	 * @return the change
	 * @see #setNotNull(String, String, String, String)
	 */
	public static ColumnChange setNotNull(String table, String column, String valueForNulls) {
		return setNotNull(table, column, column + "_new", valueForNulls);
	}

	/**
	 * Makes a column NOT NULL through a new column of the given name: rows that old code
	 * writes with null get {@code valueForNulls} in the new column. Undoing the contract
	 * cannot tell which old values were null, so it restores them as that value.
	 * @param table the table
	 * @param column the column
	 * @param newColumn the new, NOT NULL, column
	 * @param valueForNulls SQL for the value that replaces null, such as {@code 'unknown'}
	 * @return the change
	 */
	public static ColumnChange setNotNull(String table, String column, String newColumn, String valueForNulls) {
		return new ColumnChange(ChangeOperation.SET_NOT_NULL, table, column, newColumn, null, null, null,
				requireText(valueForNulls, "valueForNulls"));
	}

	/** The change's key: the table and the new column, in lower case. */
	public String id() {
		return (this.table + "." + this.newColumn).toLowerCase(Locale.ROOT);
	}

	public ChangeOperation operation() {
		return this.operation;
	}

	public String table() {
		return this.table;
	}

	public String column() {
		return this.column;
	}

	public String newColumn() {
		return this.newColumn;
	}

	/** The new column's type, or {@code null} for the old column's type. */
	public @Nullable String newType() {
		return this.newType;
	}

	/**
	 * SQL over the old column giving the new value, or {@code null} for a plain copy (with
	 * {@link #valueForNulls()} in place of null, if given).
	 */
	public @Nullable String toNewExpression() {
		return this.toNewExpression;
	}

	/** SQL over the new column giving the old value, or {@code null} for a plain copy. */
	public @Nullable String toOldExpression() {
		return this.toOldExpression;
	}

	/** SQL for the value that replaces null in the new column, or {@code null} if none does. */
	public @Nullable String valueForNulls() {
		return this.valueForNulls;
	}

	@Override
	public String toString() {
		return this.operation + " " + this.table + "." + this.column + " -> " + this.newColumn;
	}

	private static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
		return Objects.requireNonNull(value);
	}

}
