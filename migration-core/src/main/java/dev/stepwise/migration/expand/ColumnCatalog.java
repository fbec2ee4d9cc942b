package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * Reads tables and columns from the catalogue: their stored spelling, a column's type as
 * DDL can repeat it, and whether it is NOT NULL.
 */
final class ColumnCatalog {

	private final Connection connection;

	private final DatabaseType type;

	ColumnCatalog(Connection connection, DatabaseType type) {
		this.connection = connection;
		this.type = type;
	}

	/** The table's stored spelling: as written, else upper or lower case. */
	String table(String table) throws SQLException {
		DatabaseMetaData metaData = this.connection.getMetaData();
		for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
			try (ResultSet rows = metaData.getTables(this.connection.getCatalog(), schema(), candidate, null)) {
				while (rows.next()) {
					if (rows.getString("TABLE_NAME").equals(candidate)) {
						return candidate;
					}
				}
			}
		}
		throw new IllegalStateException("Table '" + table + "' does not exist in " + ((schema() != null) ? "schema " + schema()
				: "database " + this.connection.getCatalog()) + ": check the table of the column change");
	}

	List<String> columns(String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (ResultSet rows = this.connection.getMetaData().getColumns(this.connection.getCatalog(), schema(), table, null)) {
			while (rows.next()) {
				columns.add(rows.getString("COLUMN_NAME"));
			}
		}
		return columns;
	}

	/** The column's stored spelling, or {@code null} if the table has no such column. */
	@Nullable String findColumn(String table, String column) throws SQLException {
		List<String> columns = columns(table);
		if (columns.contains(column)) {
			return column;
		}
		List<String> matches = columns.stream().filter((name) -> name.equalsIgnoreCase(column)).toList();
		return (matches.size() == 1) ? matches.get(0) : null;
	}

	/** The table's primary key columns, in key order; empty if it has none. */
	List<String> primaryKey(String table) throws SQLException {
		SortedMap<Integer, String> columns = new TreeMap<>();
		try (ResultSet rows = this.connection.getMetaData().getPrimaryKeys(this.connection.getCatalog(), schema(), table)) {
			while (rows.next()) {
				columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
			}
		}
		return List.copyOf(columns.values());
	}

	/**
	 * A column's type as DDL writes it, such as {@code character varying(50)}, its
	 * nullability and its default.
	 */
	ColumnDefinition definition(String table, String column) throws SQLException {
		String sql = switch (this.type) {
			case POSTGRESQL -> "SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
					+ " CASE WHEN a.attidentity <> '' THEN 'an identity column' WHEN a.attgenerated <> ''"
					+ " THEN 'a generated column' END FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid"
					+ " AND d.adnum = a.attnum WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ? AND NOT a.attisdropped";
			case MYSQL, MARIADB -> "SELECT column_type, is_nullable = 'NO', column_default,"
					+ " NULLIF(TRIM(REPLACE(extra, 'DEFAULT_GENERATED', '')), '')"
					+ " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?";
			case H2 -> "SELECT data_type, is_nullable = 'NO', column_default, CASE WHEN is_identity = 'YES'"
					+ " THEN 'an identity column' WHEN is_generated = 'ALWAYS' THEN 'a generated column' END,"
					+ " character_maximum_length, numeric_precision, numeric_scale"
					+ " FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND column_name = ?";
		};
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, (this.type == DatabaseType.POSTGRESQL) ? this.type.quote(table) : table);
			statement.setString(2, column);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new IllegalStateException("Column '" + column + "' of table '" + table + "' does not exist");
				}
				String typeName = rows.getString(1);
				if (this.type == DatabaseType.H2) {
					typeName = h2Type(typeName, rows);
				}
				String defaultValue = rows.getString(3);
				String special = rows.getString(4);
				if (this.type.isMySqlFamily() && "NULL".equalsIgnoreCase(defaultValue)) {
					// MariaDB spells "no default" of a nullable column as the word NULL.
					defaultValue = null;
				}
				if (special != null && this.type.isMySqlFamily()) {
					special = "a column with " + special.toUpperCase(Locale.ROOT);
				}
				else if (special == null && defaultValue != null && defaultValue.contains("nextval(")) {
					special = "a column whose default takes a sequence that it owns";
				}
				return new ColumnDefinition(column, typeName, rows.getBoolean(2), defaultValue, special);
			}
		}
	}

	private static String h2Type(String dataType, ResultSet rows) throws SQLException {
		long length = rows.getLong(5);
		if (!rows.wasNull() && (dataType.contains("CHAR") || dataType.contains("BINARY"))) {
			return dataType + "(" + length + ")";
		}
		if (dataType.equals("NUMERIC") || dataType.equals("DECIMAL")) {
			return dataType + "(" + rows.getInt(6) + ", " + rows.getInt(7) + ")";
		}
		return dataType;
	}

	private @Nullable String schema() throws SQLException {
		return this.type.isMySqlFamily() ? null : this.connection.getSchema();
	}

	/**
	 * A column as the catalogue describes it.
	 * @param name the stored spelling
	 * @param type the type as DDL writes it
	 * @param notNull whether it is NOT NULL
	 * @param defaultValue its default as DDL writes it, or {@code null} if it has none
	 * @param special what the column is beyond a type and a default (such as
	 * {@code an identity column}), which no copy of it has, or {@code null}
	 */
	record ColumnDefinition(String name, String type, boolean notNull, @Nullable String defaultValue,
			@Nullable String special) {

	}

}
