package dev.stepwise.migration.backfill;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One row of the table a backfill transforms, by column name (any case).
 */
public final class BackfillRow {

	private final Map<String, @Nullable Object> values;

	BackfillRow(Map<String, @Nullable Object> values) {
		TreeMap<String, @Nullable Object> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byName.putAll(values);
		this.values = byName;
	}

	/**
	 * The value of a column, as the driver returns it.
	 * @param column the column name
	 * @return the value, {@code null} for SQL NULL
	 * @throws IllegalArgumentException if the table has no such column
	 */
	public @Nullable Object get(String column) {
		if (!this.values.containsKey(column)) {
			throw new IllegalArgumentException("No column '" + column + "' in the backfilled row; columns are " + this.values.keySet());
		}
		return this.values.get(column);
	}

	/**
	 * The value of a column as text.
	 * @param column the column name
	 * @return the value's text, {@code null} for SQL NULL
	 */
	public @Nullable String getString(String column) {
		Object value = get(column);
		return (value != null) ? value.toString() : null;
	}

	@Override
	public String toString() {
		return this.values.toString();
	}

}
