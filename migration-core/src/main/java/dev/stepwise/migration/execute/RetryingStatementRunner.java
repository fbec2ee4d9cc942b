package dev.stepwise.migration.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.stepwise.migration.MigrationEvent;
import dev.stepwise.migration.dialect.Dialect;

/**
 * Runs one statement under the session's DDL lock timeout. Where a failed statement leaves
 * the transaction usable (MySQL, MariaDB, H2, or any statement outside a transaction), a
 * lock timeout is retried right here with jittered backoff; on PostgreSQL inside a
 * transaction it is thrown, and the whole migration starts over.
 */
final class RetryingStatementRunner {

	private final Dialect dialect;

	private final int retries;

	private final Duration backoff;

	private final Listeners listeners;

	RetryingStatementRunner(Dialect dialect, int retries, Duration backoff, Listeners listeners) {
		this.dialect = dialect;
		this.retries = retries;
		this.backoff = backoff;
		this.listeners = listeners;
	}

	boolean commitsImplicitly(String sql) {
		return this.dialect.commitsImplicitly(sql);
	}

	void execute(Connection connection, String sql, MigrationEvent migration) throws SQLException {
		boolean retryHere = connection.getAutoCommit() || !this.dialect.failedStatementAbortsTransaction();
		for (int attempt = 0;; attempt++) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
				return;
			}
			catch (SQLException ex) {
				if (!retryHere || !this.dialect.isLockTimeout(ex) || attempt >= this.retries) {
					throw ex;
				}
				LockTimeoutRetry.pause(this.listeners, migration, this.backoff, attempt);
			}
		}
	}

}
