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

import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * Reads tables and columns from the catalogue: their stored spelling, a column's type as
 * DDL can repeat it, and whether it is NOT NULL. The definition's query differs in one
 * subclass per database ({@link PostgresColumnCatalog}, {@link MySqlColumnCatalog},
 * {@link H2ColumnCatalog}), which {@link ColumnDdl#catalog(Connection)} chooses.
 */
abstract class ColumnCatalog {

	final Connection connection;

	final Dialect dialect;

	ColumnCatalog(Connection connection, Dialect dialect) {
		this.connection = connection;
		this.dialect = dialect;
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
		try (PreparedStatement statement = this.connection.prepareStatement(definitionSql())) {
			statement.setString(1, definitionTable(table));
			statement.setString(2, column);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new IllegalStateException("Column '" + column + "' of table '" + table + "' does not exist");
				}
				String defaultValue = defaultValue(rows);
				String special = special(rows);
				if (special == null && defaultValue != null && defaultValue.contains("nextval(")) {
					special = "a column whose default takes a sequence that it owns";
				}
				return new ColumnDefinition(column, typeName(rows), rows.getBoolean(2), defaultValue, special);
			}
		}
	}

	/**
	 * A query of one column's definition, the table and the column its parameters: the type
	 * as DDL writes it, whether it is NOT NULL, its default, and what makes it special.
	 */
	abstract String definitionSql();

	/** The table as {@link #definitionSql()} takes it. */
	String definitionTable(String table) {
		return table;
	}

	/** The type of the row of {@link #definitionSql()}, as DDL writes it. */
	String typeName(ResultSet rows) throws SQLException {
		return rows.getString(1);
	}

	/** The default of the row of {@link #definitionSql()}, as SQL, or {@code null} for none. */
	@Nullable String defaultValue(ResultSet rows) throws SQLException {
		return rows.getString(3);
	}

	/** What the column of the row of {@link #definitionSql()} is beyond a type and a default, or {@code null}. */
	@Nullable String special(ResultSet rows) throws SQLException {
		return rows.getString(4);
	}

	private @Nullable String schema() throws SQLException {
		return this.dialect.metaDataSchema(this.connection.getSchema());
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
