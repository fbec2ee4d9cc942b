package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/**
 * The column DDL of expand and contract, per dialect.
 */
final class ColumnDdl {

	private final DatabaseType type;

	ColumnDdl(DatabaseType type) {
		this.type = type;
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
		return new ColumnCatalog(connection, this.type).findColumn(table, column) != null;
	}

	/**
	 * Statements, each to commit on its own, that make a column NOT NULL. On PostgreSQL
	 * through a {@code CHECK ... NOT VALID} constraint validated without blocking writers,
	 * which then lets {@code SET NOT NULL} skip its scan under the exclusive lock.
	 */
	List<String> setNotNull(String table, String column, String columnType, String checkName) {
		return switch (this.type) {
			case POSTGRESQL -> List.of("ALTER TABLE " + q(table) + " DROP CONSTRAINT IF EXISTS " + q(checkName),
					"ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(checkName) + " CHECK (" + q(column) + " IS NOT NULL) NOT VALID",
					"ALTER TABLE " + q(table) + " VALIDATE CONSTRAINT " + q(checkName),
					"ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " SET NOT NULL",
					"ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(checkName));
			case MYSQL, MARIADB -> List.of("ALTER TABLE " + q(table) + " MODIFY COLUMN " + q(column) + " " + columnType + " NOT NULL");
			case H2 -> List.of("ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " SET NOT NULL");
		};
	}

	String dropNotNull(String table, String column, String columnType) {
		return switch (this.type) {
			case POSTGRESQL -> "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " DROP NOT NULL";
			case MYSQL, MARIADB -> "ALTER TABLE " + q(table) + " MODIFY COLUMN " + q(column) + " " + columnType + " NULL";
			case H2 -> "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " SET NULL";
		};
	}

	/** Sets a default as the catalogue spells it; MySQL and MariaDB take an expression only in parentheses. */
	String setDefault(String table, String column, String expression) {
		String value = this.type.isMySqlFamily() ? "(" + expression + ")" : expression;
		return "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " SET DEFAULT " + value;
	}

	String dropDefault(String table, String column) {
		return "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " DROP DEFAULT";
	}

	private String q(String identifier) {
		return this.type.quote(identifier);
	}

}
