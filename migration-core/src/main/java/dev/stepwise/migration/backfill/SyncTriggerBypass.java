package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.stepwise.migration.api.DatabaseType;

/**
 * Marks a batch's transaction so that the expand/contract sync triggers skip their copy:
 * the backfill writes the synced column itself, and paying the trigger per row would
 * only redo that work. The names here are the ones the triggers of
 * {@code dev.stepwise.migration.expand} test.
 */
final class SyncTriggerBypass {

	private SyncTriggerBypass() {
	}

	static void enable(Connection connection, DatabaseType type) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			switch (type) {
				// Transaction-local: gone at commit or rollback, even if the connection is reused.
				case POSTGRESQL -> statement.execute("SELECT set_config('stepwise.backfill', 'on', true)");
				case MYSQL, MARIADB -> statement.execute("SET @stepwise_backfill = 1");
				case H2 -> statement.execute("SET @STEPWISE_BACKFILL = TRUE");
			}
		}
	}

	/** Clears a session variable, so a pooled connection does not carry the mark away. */
	static void disable(Connection connection, DatabaseType type) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			switch (type) {
				case POSTGRESQL -> {
				}
				case MYSQL, MARIADB -> statement.execute("SET @stepwise_backfill = NULL");
				case H2 -> statement.execute("SET @STEPWISE_BACKFILL = NULL");
			}
		}
	}

}
