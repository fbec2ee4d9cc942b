package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/** MySQL's and MariaDB's column DDL for expand and contract: nullability by restating the type. */
final class MySqlColumnDdl extends ColumnDdl {

	MySqlColumnDdl(DatabaseType type) {
		super(type);
	}

	@Override
	List<String> setNotNull(String table, String column, String columnType, String checkName) {
		return List.of("ALTER TABLE " + q(table) + " MODIFY COLUMN " + q(column) + " " + columnType + " NOT NULL");
	}

	@Override
	String dropNotNull(String table, String column, String columnType) {
		return "ALTER TABLE " + q(table) + " MODIFY COLUMN " + q(column) + " " + columnType + " NULL";
	}

	/** MySQL and MariaDB take an expression as a default only in parentheses. */
	@Override
	String setDefault(String table, String column, String expression) {
		return super.setDefault(table, column, "(" + expression + ")");
	}

	@Override
	ColumnCatalog catalog(Connection connection) {
		return new MySqlColumnCatalog(connection, this.dialect);
	}

}
