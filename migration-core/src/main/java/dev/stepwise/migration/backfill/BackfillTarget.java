package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * The table a backfill walks and the key it walks it by, read from the catalogue.
 *
 * @param table the table name as the catalogue spells it
 * @param key the key columns, in key order; empty when the physical row id is walked
 * @param columns every column of the table, as the catalogue spells them
 */
record BackfillTarget(String table, List<KeyColumn> key, List<String> columns) {

	boolean walksPhysicalRows() {
		return this.key.isEmpty();
	}

	/**
	 * The catalogue's spelling of a column: exact, else the only case-insensitive match.
	 * @throws IllegalStateException if the table has no such column
	 */
	String column(String name) {
		if (this.columns.contains(name)) {
			return name;
		}
		List<String> matches = this.columns.stream().filter((column) -> column.equalsIgnoreCase(name)).toList();
		if (matches.size() != 1) {
			throw new IllegalStateException("Backfill of table '" + this.table + "' found no column '" + name
					+ "'; its columns are " + this.columns);
		}
		return matches.get(0);
	}

	/**
	 * Finds the table and its key.
	 * <ol>
	 * <li>The table is looked up as written, then in upper and lower case, as an unquoted
	 * name would have been stored.</li>
	 * <li>The key is the primary key; else the unique index with the fewest columns, all
	 * NOT NULL; else, on PostgreSQL only, the physical row id ({@code ctid}).</li>
	 * </ol>
	 */
	static BackfillTarget resolve(Connection connection, DatabaseType type, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String catalog = connection.getCatalog();
		String schema = type.isMySqlFamily() ? null : connection.getSchema();
		String actual = findTable(metaData, catalog, schema, table);
		Map<String, KeyColumn> columns = new HashMap<>();
		Map<String, Boolean> nullable = new LinkedHashMap<>();
		try (ResultSet rows = metaData.getColumns(catalog, schema, actual, null)) {
			while (rows.next()) {
				String name = rows.getString("COLUMN_NAME");
				nullable.put(name, !"NO".equals(rows.getString("IS_NULLABLE")));
				try {
					columns.put(name, KeyColumn.of(actual, name, rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME")));
				}
				catch (IllegalStateException ex) {
					// Not usable as a key; only an error if the chosen key has it.
				}
			}
		}
		List<String> key = primaryKey(metaData, catalog, schema, actual);
		if (key.isEmpty()) {
			key = smallestUniqueKey(metaData, catalog, schema, actual, nullable);
		}
		if (key.isEmpty()) {
			if (type == DatabaseType.POSTGRESQL) {
				return new BackfillTarget(actual, List.of(), List.copyOf(nullable.keySet()));
			}
			throw new IllegalStateException("Backfill of table '" + actual + "' needs a primary key or a unique key"
					+ " of NOT NULL columns to walk the table in batches; add one (only PostgreSQL can walk"
					+ " a table by its physical row id)");
		}
		List<KeyColumn> keyColumns = new ArrayList<>();
		for (String name : key) {
			KeyColumn column = columns.get(name);
			if (column == null) {
				throw new IllegalStateException("Backfill of table '" + actual + "' cannot walk key column '" + name
						+ "': its type is not a number, text, date, timestamp or UUID; add a unique key of such columns");
			}
			keyColumns.add(column);
		}
		return new BackfillTarget(actual, List.copyOf(keyColumns), List.copyOf(nullable.keySet()));
	}

	private static String findTable(DatabaseMetaData metaData, @Nullable String catalog, @Nullable String schema,
			String table) throws SQLException {
		for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
			try (ResultSet rows = metaData.getTables(catalog, schema, candidate, null)) {
				while (rows.next()) {
					if (rows.getString("TABLE_NAME").equals(candidate)) {
						return candidate;
					}
				}
			}
		}
		throw new IllegalStateException("Backfill cannot find table '" + table + "' in schema "
				+ ((schema != null) ? schema : catalog) + ": check the table name given to Backfill.of(...)");
	}

	private static List<String> primaryKey(DatabaseMetaData metaData, @Nullable String catalog,
			@Nullable String schema, String table) throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		try (ResultSet rows = metaData.getPrimaryKeys(catalog, schema, table)) {
			while (rows.next()) {
				columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
			}
		}
		return new ArrayList<>(columns.values());
	}

	private static List<String> smallestUniqueKey(DatabaseMetaData metaData, @Nullable String catalog,
			@Nullable String schema, String table, Map<String, Boolean> nullable) throws SQLException {
		Map<String, TreeMap<Integer, String>> indexes = new LinkedHashMap<>();
		try (ResultSet rows = metaData.getIndexInfo(catalog, schema, table, true, true)) {
			while (rows.next()) {
				String index = rows.getString("INDEX_NAME");
				String column = rows.getString("COLUMN_NAME");
				if (index != null && column != null && !rows.getBoolean("NON_UNIQUE")) {
					indexes.computeIfAbsent(index, (name) -> new TreeMap<>()).put((int) rows.getShort("ORDINAL_POSITION"), column);
				}
			}
		}
		List<String> best = List.of();
		for (TreeMap<Integer, String> index : indexes.values()) {
			List<String> columns = new ArrayList<>(index.values());
			boolean notNull = columns.stream().allMatch((column) -> Boolean.FALSE.equals(nullable.get(column)));
			if (notNull && (best.isEmpty() || columns.size() < best.size())) {
				best = columns;
			}
		}
		return best;
	}

}
