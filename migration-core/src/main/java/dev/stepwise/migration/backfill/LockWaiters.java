package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * How many other sessions of the database have waited on a lock for longer than a bound.
 * Asked inside a batch's transaction, after its UPDATE and before its COMMIT, when the
 * batch holds every row lock it takes, so a writer stuck behind one of them is counted.
 * A writer that meets a batch's row lock waits for the rest of that batch: a wait longer
 * than the target batch duration means the batches run long, and the writers feel it.
 * The queries read the servers' session lists, which take none of the lock manager's locks.
 */
final class LockWaiters {

	private LockWaiters() {
	}

	/**
	 * The query, or {@code null} where there is none (H2).
	 * @param longerThan the wait that counts
	 */
	static @Nullable String query(DatabaseType type, Duration longerThan) {
		long millis = Math.max(1, longerThan.toMillis());
		return switch (type) {
			// query_start: the writer's statement, which has waited since it met the lock.
			case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
					+ " AND datname = current_database() AND pid <> pg_backend_pid()"
					+ " AND clock_timestamp() - query_start > interval '" + millis + " milliseconds'";
			case MYSQL, MARIADB -> "SELECT COUNT(*) FROM information_schema.innodb_trx t"
					+ " JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id"
					+ " WHERE t.trx_state = 'LOCK WAIT' AND p.db = DATABASE() AND p.id <> CONNECTION_ID()"
					+ " AND p.time_ms > " + millis;
			case H2 -> null;
		};
	}

	static int count(Connection connection, DatabaseType type, Duration longerThan) throws SQLException {
		String query = query(type, longerThan);
		if (query == null) {
			return 0;
		}
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			return rows.next() ? rows.getInt(1) : 0;
		}
	}

}
