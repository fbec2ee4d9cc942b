package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.stepwise.migration.api.DatabaseType;

/**
 * The settings of one batch's transaction, in as few round trips as the database allows.
 * On PostgreSQL, one round trip: read committed, the sync-trigger bypass, and an
 * asynchronous commit. The commit need not wait for its WAL flush because the cursor is
 * stored in the same transaction: a crash that loses the last batches loses their cursor
 * too, and the run resumes before them. Not waiting also releases the batch's row locks
 * a flush earlier, which is what a writer waiting on one of those rows sees.
 */
final class BatchSettings {

	private BatchSettings() {
	}

	static void apply(Connection connection, DatabaseType type, boolean bypassSyncTriggers) throws SQLException {
		if (type != DatabaseType.POSTGRESQL) {
			if (bypassSyncTriggers) {
				SyncTriggerBypass.enable(connection, type);
			}
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED; " + postgresSettings(bypassSyncTriggers));
		}
	}

	/** PostgreSQL's transaction-local settings of a batch, as one SELECT. */
	static String postgresSettings(boolean bypassSyncTriggers) {
		return "SELECT set_config('synchronous_commit', 'off', true)"
				+ (bypassSyncTriggers ? ", set_config('stepwise.backfill', 'on', true)" : "");
	}

}
