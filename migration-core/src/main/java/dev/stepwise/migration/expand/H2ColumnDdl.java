package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/** H2's column DDL for expand and contract. */
final class H2ColumnDdl extends ColumnDdl {

	H2ColumnDdl() {
		super(DatabaseType.H2);
	}

	@Override
	List<String> setNotNull(String table, String column, String columnType, String checkName) {
		return List.of("ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " SET NOT NULL");
	}

	@Override
	String dropNotNull(String table, String column, String columnType) {
		return "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " SET NULL";
	}

	@Override
	ColumnCatalog catalog(Connection connection) {
		return new H2ColumnCatalog(connection, this.dialect);
	}

}
