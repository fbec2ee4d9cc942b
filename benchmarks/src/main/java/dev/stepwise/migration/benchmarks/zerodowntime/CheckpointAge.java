package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * How close the server's log is to forcing a checkpoint, sampled through a run: the redo
 * log's checkpoint age over its maximum on MariaDB, the WAL since the last checkpoint's redo
 * point over {@code max_wal_size} on PostgreSQL (which starts a checkpoint at about
 * {@code max_wal_size / (1 + checkpoint_completion_target)}). Near the maximum, InnoDB
 * flushes pages furiously and every write waits for it: a cause of slow writes that no
 * lock explains.
 */
final class CheckpointAge implements AutoCloseable {

	private static final long INTERVAL_MILLIS = 50;

	private static final double HIGH = 0.75;

	private static final String MARIADB = "SELECT (SELECT variable_value FROM information_schema.global_status"
			+ " WHERE variable_name = 'INNODB_CHECKPOINT_AGE') / (SELECT variable_value FROM information_schema.global_status"
			+ " WHERE variable_name = 'INNODB_CHECKPOINT_MAX_AGE')";

	// pg_control_checkpoint() is a superuser's (or pg_monitor's), as the benchmark's server user is.
	private static final String POSTGRESQL = "SELECT (pg_current_wal_lsn() - (pg_control_checkpoint()).redo_lsn)::float8"
			+ " / (SELECT setting::float8 * 1024 * 1024 FROM pg_settings WHERE name = 'max_wal_size')";

	private final Connection connection;

	private final Thread thread;

	private volatile boolean stop;

	private double peak;

	private int highSamples;

	private CheckpointAge(Connection connection, String query) {
		this.connection = connection;
		this.thread = new Thread(() -> sample(query), "checkpoint-age");
		this.thread.setDaemon(true);
	}

	static CheckpointAge start(ScratchDatabase database) throws SQLException {
		CheckpointAge age = new CheckpointAge(database.connect(), (database.vendor() == Vendor.MARIADB) ? MARIADB : POSTGRESQL);
		age.thread.start();
		return age;
	}

	private void sample(String query) {
		try (Statement statement = this.connection.createStatement()) {
			while (!this.stop) {
				try (ResultSet row = statement.executeQuery(query)) {
					row.next();
					double fraction = row.getDouble(1);
					synchronized (this) {
						this.peak = Math.max(this.peak, fraction);
						this.highSamples += (fraction >= HIGH) ? 1 : 0;
					}
				}
				Thread.sleep(INTERVAL_MILLIS);
			}
		}
		catch (SQLException | InterruptedException ex) {
			System.err.println("zero-downtime: checkpoint age no longer sampled: " + ex.getMessage());
		}
	}

	@Override
	public void close() throws Exception {
		this.stop = true;
		this.thread.join();
		this.connection.close();
	}

	/** What the samples showed, once closed. */
	synchronized String describe() {
		return String.format(Locale.ROOT, "peak %.0f%% of the maximum, %.1f s at %.0f%% or more", this.peak * 100,
				this.highSamples * INTERVAL_MILLIS / 1000.0, HIGH * 100);
	}

}
