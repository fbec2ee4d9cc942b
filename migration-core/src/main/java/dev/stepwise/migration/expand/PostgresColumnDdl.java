package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/** PostgreSQL's column DDL for expand and contract. */
final class PostgresColumnDdl extends ColumnDdl {

	PostgresColumnDdl() {
		super(DatabaseType.POSTGRESQL);
	}

	/**
	 * Through a {@code CHECK ... NOT VALID} constraint validated without blocking writers,
	 * which then lets {@code SET NOT NULL} skip its scan under the exclusive lock.
	 */
	@Override
	List<String> setNotNull(String table, String column, String columnType, String checkName) {
		return List.of("ALTER TABLE " + q(table) + " DROP CONSTRAINT IF EXISTS " + q(checkName),
				"ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(checkName) + " CHECK (" + q(column) + " IS NOT NULL) NOT VALID",
				"ALTER TABLE " + q(table) + " VALIDATE CONSTRAINT " + q(checkName),
				"ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " SET NOT NULL",
				"ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(checkName));
	}

	@Override
	String dropNotNull(String table, String column, String columnType) {
		return "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " DROP NOT NULL";
	}

	@Override
	ColumnCatalog catalog(Connection connection) {
		return new PostgresColumnCatalog(connection, this.dialect);
	}

}
