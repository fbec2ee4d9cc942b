package dev.stepwise.migration.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.sql.ConcurrentStatement;
import dev.stepwise.migration.internal.sql.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * Runs one statement under the session's DDL lock timeout. Where a failed statement leaves
 * the transaction usable (MySQL, MariaDB, H2, or any statement outside a transaction), a
 * lock timeout is retried right here with jittered backoff; on PostgreSQL inside a
 * transaction it is thrown, and the whole migration starts over. PostgreSQL's
 * {@code CONCURRENTLY} statements go to {@link ConcurrentDdl} instead.
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

	/** A PostgreSQL {@code CONCURRENTLY} statement outside a transaction, which needs no retry but care. */
	private @Nullable ConcurrentStatement concurrent(Connection connection, String sql) throws SQLException {
		if (!this.dialect.buildsIndexesConcurrently() || !connection.getAutoCommit()) {
			return null;
		}
		return ConcurrentStatement.of(sql);
	}

	boolean commitsImplicitly(String sql) {
		return this.dialect.commitsImplicitly(sql);
	}

	/** Runs a statement of a SQL script: a {@code COPY ... FROM stdin} with its data. */
	void execute(Connection connection, SqlStatement statement, MigrationEvent migration) throws SQLException {
		String data = statement.copyData();
		if (data == null) {
			execute(connection, statement.sql(), migration);
			return;
		}
		retrying(connection, migration, () -> copyIn(connection, statement.sql(), data));
	}

	void execute(Connection connection, String sql, MigrationEvent migration) throws SQLException {
		ConcurrentStatement concurrent = concurrent(connection, sql);
		if (concurrent != null) {
			ConcurrentDdl.execute(connection, sql, concurrent, migration);
			return;
		}
		retrying(connection, migration, () -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		});
	}

	private static void copyIn(Connection connection, String sql, String data) throws SQLException {
		try {
			PostgresCopy.copyIn(connection, sql, data);
		}
		catch (NoClassDefFoundError ex) {
			throw new SQLException("COPY ... FROM stdin needs the PostgreSQL JDBC driver (org.postgresql:postgresql)"
					+ " on the class path, for its copy API. Add it, or write the rows as INSERT statements.", ex);
		}
	}

	private void retrying(Connection connection, MigrationEvent migration, Work work) throws SQLException {
		boolean retryHere = connection.getAutoCommit() || !this.dialect.failedStatementAbortsTransaction();
		for (int attempt = 0;; attempt++) {
			try {
				work.run();
				return;
			}
			catch (SQLException ex) {
				if (!retryHere || !this.dialect.isLockTimeout(ex) || attempt >= this.retries) {
					throw ex;
				}
				LockTimeoutRetry.pause(this.listeners, migration, this.backoff, attempt, this.retries,
						this.dialect.describeBlockers(connection));
			}
		}
	}

	/** One try of a statement. */
	@FunctionalInterface
	private interface Work {

		void run() throws SQLException;

	}

}
