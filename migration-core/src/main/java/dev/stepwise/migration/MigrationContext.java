package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.dialect.DatabaseType;

/**
 * What a {@link JavaMigration} works with: the migration's connection (inside its
 * transaction) and a way to run DDL with the engine's lock timeout and retries.
 */
public interface MigrationContext {

	/** The connection of the migration; do not commit or close it. */
	Connection connection();

	/** The database the migration runs on. */
	DatabaseType databaseType();

	/**
	 * Runs one statement with the configured DDL lock timeout.
	 * @param sql the statement
	 * @throws SQLException if it fails
	 */
	void execute(String sql) throws SQLException;

}
