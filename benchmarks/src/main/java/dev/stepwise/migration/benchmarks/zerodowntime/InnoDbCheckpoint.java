package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MariaDB's stand-in for PostgreSQL's {@code CHECKPOINT}, which it lacks: the page cleaner
 * is told to keep no page dirty until the checkpoint has caught up with the log, then its
 * setting is put back. Without it each timed phase started behind the redo log the phases
 * before it had left unflushed (eight tables filled, copies of 1,000,000 rows), so a phase
 * met the page cleaner's furious flushing early or late depending on its place in the run
 * and on the log's size, not on what it did itself.
 */
final class InnoDbCheckpoint {

	/** Caught up: less redo than this since the checkpoint. */
	private static final long CAUGHT_UP_BYTES = 1024 * 1024;

	private static final long WAIT_MILLIS = 120_000;

	private static final String AGE = "SELECT variable_value FROM information_schema.global_status"
			+ " WHERE variable_name = 'INNODB_CHECKPOINT_AGE'";

	private InnoDbCheckpoint() {
	}

	static void run(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String previous;
			try (ResultSet row = statement.executeQuery("SELECT @@GLOBAL.innodb_max_dirty_pages_pct")) {
				row.next();
				previous = row.getString(1);
			}
			statement.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
			try {
				long deadline = System.currentTimeMillis() + WAIT_MILLIS;
				while (age(statement) >= CAUGHT_UP_BYTES) {
					if (System.currentTimeMillis() > deadline) {
						System.err.println("zero-downtime: InnoDB's checkpoint did not catch up with its log within "
								+ WAIT_MILLIS / 1000 + " s; the phase starts anyway");
						return;
					}
					Thread.sleep(100);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				statement.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + previous);
			}
		}
	}

	private static long age(Statement statement) throws SQLException {
		try (ResultSet row = statement.executeQuery(AGE)) {
			row.next();
			return row.getLong(1);
		}
	}

}
