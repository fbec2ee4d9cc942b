package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many other sessions of the database have waited on a lock for longer than a bound.
 * Asked inside a batch's transaction, after its UPDATE and before its COMMIT, when the
 * batch holds every row lock it takes, so a writer stuck behind one of them is counted.
 * A writer that meets a batch's row lock waits for the rest of that batch: a wait longer
 * than the target batch duration means the batches run long, and the writers feel it.
 * The queries read the servers' session lists, which take none of the lock manager's locks.
 * A batch's own statements end with {@value #BATCH_MARK}: on MariaDB/MySQL another
 * worker's UPDATE that runs past the bound shows as updating, as a waiting writer does,
 * and without the mark each worker slowed the others down.
 * <p>
 * What a user may see limits them: PostgreSQL shows another role's wait only to a member
 * of {@code pg_read_all_stats}, and MariaDB/MySQL another user's session only to a user
 * with the {@code PROCESS} privilege; the others count as not waiting. A server that
 * refuses the query altogether makes the run stop asking and throttle on its batches'
 * times alone.
 */
final class LockWaiters {

	/** Ends the statements of a batch, so that the other workers can tell them from the application's. */
	static final String BATCH_MARK = "/* stepwise backfill */";

	private static final Logger logger = LoggerFactory.getLogger(LockWaiters.class);

	private final DatabaseType type;

	private final Duration longerThan;

	private volatile boolean refused;

	LockWaiters(DatabaseType type, Duration longerThan) {
		this.type = type;
		this.longerThan = longerThan;
	}

	/**
	 * Counts the waiters on the batch's connection, in its transaction; 0 where the
	 * database cannot tell, or refused to.
	 */
	int count(Connection connection) {
		String query = query(this.type, this.longerThan);
		if (query == null || this.refused) {
			return 0;
		}
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			return rows.next() ? rows.getInt(1) : 0;
		}
		catch (SQLException ex) {
			// A failed SELECT leaves a MariaDB/MySQL transaction as it was: the batch goes on.
			this.refused = true;
			logger.info("The backfill cannot see other sessions' lock waits ({}); it throttles on its batches' times"
					+ " alone", ex.getMessage());
			return 0;
		}
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
			// The session list, not information_schema.innodb_trx: InnoDB fills that from a cache
			// that drops rows when another transaction of the server holds many locks. A writer
			// waiting on a row lock shows as updating; so does a statement that is merely slow,
			// which hurts the application as much.
			case MYSQL, MARIADB -> "SELECT COUNT(*) FROM information_schema.processlist WHERE db = DATABASE()"
					+ " AND id <> CONNECTION_ID() AND command = 'Query'"
					+ " AND state IN ('Updating', 'update', 'Searching rows for update') AND time_ms > " + millis
					+ " AND info NOT LIKE '%" + BATCH_MARK + "%'";
			case H2 -> null;
		};
	}

}
