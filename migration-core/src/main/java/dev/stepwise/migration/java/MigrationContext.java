package dev.stepwise.migration.java;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.backfill.Backfill;
import dev.stepwise.migration.schema.Schema;

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

	/**
	 * A new schema DSL on the migration's connection, whose statements run with the DDL lock
	 * timeout and retries. It records operations; {@link Schema#apply()} runs them. A
	 * statement that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}) commits
	 * the migration's work so far and runs on its own.
	 */
	Schema schema() throws SQLException;

	/**
	 * A batched, resumable backfill of a table, on connections of its own. It commits what
	 * the migration did so far first, so that the backfill sees it; call {@code run()} on it.
	 * @param table the table to transform
	 * @return the backfill, to configure and run
	 */
	Backfill backfill(String table) throws SQLException;

}
