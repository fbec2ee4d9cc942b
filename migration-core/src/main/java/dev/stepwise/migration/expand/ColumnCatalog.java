package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stepwise.migration.dialect.DatabaseType;
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

	/** A column's type as DDL writes it, such as {@code character varying(50)}, and its nullability. */
	ColumnDefinition definition(String table, String column) throws SQLException {
		String sql = switch (this.type) {
			case POSTGRESQL -> "SELECT format_type(atttypid, atttypmod), attnotnull FROM pg_attribute"
					+ " WHERE attrelid = CAST(? AS regclass) AND attname = ? AND NOT attisdropped";
			case MYSQL, MARIADB -> "SELECT column_type, is_nullable = 'NO' FROM information_schema.columns"
					+ " WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?";
			case H2 -> "SELECT data_type, is_nullable = 'NO', character_maximum_length, numeric_precision, numeric_scale"
					+ " FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND column_name = ?";
		};
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, (this.type == DatabaseType.POSTGRESQL) ? SqlNames.quote(this.type, table) : table);
			statement.setString(2, column);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new IllegalStateException("Column '" + column + "' of table '" + table + "' does not exist");
				}
				String typeName = rows.getString(1);
				if (this.type == DatabaseType.H2) {
					typeName = h2Type(typeName, rows);
				}
				return new ColumnDefinition(column, typeName, rows.getBoolean(2));
			}
		}
	}

	private static String h2Type(String dataType, ResultSet rows) throws SQLException {
		long length = rows.getLong(3);
		if (!rows.wasNull() && (dataType.contains("CHAR") || dataType.contains("BINARY"))) {
			return dataType + "(" + length + ")";
		}
		if (dataType.equals("NUMERIC") || dataType.equals("DECIMAL")) {
			return dataType + "(" + rows.getInt(4) + ", " + rows.getInt(5) + ")";
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
	 */
	record ColumnDefinition(String name, String type, boolean notNull) {

	}

}
