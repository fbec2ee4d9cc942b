package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * The column DDL of expand and contract: what all databases share here, what differs in
 * one subclass per database ({@link PostgresColumnDdl}, {@link MySqlColumnDdl},
 * {@link H2ColumnDdl}), chosen once by {@link #of(DatabaseType)}, together with the
 * {@link ColumnCatalog} it reads.
 */
abstract class ColumnDdl {

	final Dialect dialect;

	ColumnDdl(DatabaseType type) {
		this.dialect = Dialect.of(type);
	}

	static ColumnDdl of(DatabaseType type) {
		return switch (type) {
			case POSTGRESQL -> new PostgresColumnDdl();
			case MYSQL, MARIADB -> new MySqlColumnDdl(type);
			case H2 -> new H2ColumnDdl();
		};
	}

	/**
	 * Adds a column unless an interrupted run already did. The catalogue is read rather than
	 * {@code IF NOT EXISTS} written, which MySQL does not know; the caller holds the run lock.
	 * @return the statement, or none
	 */
	List<String> addColumn(Connection connection, String table, String column, String columnType) throws SQLException {
		return exists(connection, table, column) ? List.of()
				: List.of("ALTER TABLE " + q(table) + " ADD COLUMN " + q(column) + " " + columnType);
	}

	/** Drops a column unless an interrupted run already did; see {@link #addColumn}. */
	List<String> dropColumn(Connection connection, String table, String column) throws SQLException {
		return exists(connection, table, column) ? List.of("ALTER TABLE " + q(table) + " DROP COLUMN " + q(column)) : List.of();
	}

	private boolean exists(Connection connection, String table, String column) throws SQLException {
		return catalog(connection).findColumn(table, column) != null;
	}

	/** This database's catalogue of tables and columns, read on a connection. */
	abstract ColumnCatalog catalog(Connection connection);

	/** Statements, each to commit on its own, that make a column NOT NULL. */
	abstract List<String> setNotNull(String table, String column, String columnType, String checkName);

	abstract String dropNotNull(String table, String column, String columnType);

	/** Sets a default as the catalogue spells it. */
	String setDefault(String table, String column, String expression) {
		return "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " SET DEFAULT " + expression;
	}

	String dropDefault(String table, String column) {
		return "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " DROP DEFAULT";
	}

	final String q(String identifier) {
		return this.dialect.quote(identifier);
	}

}
