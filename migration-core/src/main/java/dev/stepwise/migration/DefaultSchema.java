package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * Makes the work connection run in the configured default schema (on MySQL and MariaDB, the
 * database), as Flyway's {@code defaultSchema} does, so that unqualified names in scripts
 * land there; closing the session puts the pooled connection's schema back.
 */
final class DefaultSchema {

	private DefaultSchema() {
	}

	/** Whether the schema (on MySQL and MariaDB, the database) exists, from the catalogue. */
	static boolean exists(Connection connection, Dialect dialect, String schema) throws SQLException {
		boolean mysql = dialect.type().isMySqlFamily();
		try (ResultSet names = mysql ? connection.getMetaData().getCatalogs() : connection.getMetaData().getSchemas()) {
			while (names.next()) {
				if (schema.equals(names.getString(1))) {
					return true;
				}
			}
		}
		return false;
	}

	static Dialect.SessionSetting use(Connection connection, Dialect dialect, String schema) throws SQLException {
		if (dialect.type().isMySqlFamily()) {
			String before = connection.getCatalog();
			connection.setCatalog(schema);
			return () -> connection.setCatalog(before);
		}
		String before = connection.getSchema();
		connection.setSchema(schema);
		return () -> connection.setSchema(before);
	}

}
