package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.jdbc.Transactions;
import org.jspecify.annotations.Nullable;

/**
 * Runs a batch statement by statement in a JDBC transaction: any database, any walker.
 */
final class TransactionalBatchRunner implements BatchRunner {

	private final DataSource dataSource;

	private final DatabaseType type;

	private final boolean bypassSyncTriggers;

	private final ProgressStore store;

	private final String name;

	/** The row of the cursor: 0 for the backfill's own, else the part a worker walks. */
	private final int part;

	private final BatchWalker walker;

	/** Counts the sessions stuck behind the batch's locks, before it commits. */
	private final LockWaiters waiters;

	TransactionalBatchRunner(DataSource dataSource, DatabaseType type, boolean bypassSyncTriggers, ProgressStore store,
			String name, int part, BatchWalker walker, Duration longWait) {
		this.waiters = new LockWaiters(type, longWait);
		this.dataSource = dataSource;
		this.type = type;
		this.bypassSyncTriggers = bypassSyncTriggers;
		this.store = store;
		this.name = name;
		this.part = part;
		this.walker = walker;
	}

	@Override
	public BatchWalker.Batch run(@Nullable String cursor, long rowsDone, int size) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			// PostgreSQL sets the batch's isolation with its other settings, in one round trip, below;
			// MySQL/MariaDB for the next transaction only, so that there is nothing to put back.
			boolean sessionIsolation = this.type == DatabaseType.H2;
			int isolation = sessionIsolation ? connection.getTransactionIsolation() : Connection.TRANSACTION_READ_COMMITTED;
			if (sessionIsolation) {
				connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			}
			connection.setAutoCommit(false);
			if (this.type.isMySqlFamily()) {
				// Read committed avoids gap locks that would block inserts next to the range.
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
				}
			}
			Throwable failure = null;
			try {
				BatchSettings.apply(connection, this.type, this.bypassSyncTriggers);
				BatchWalker.Batch batch = this.walker.next(connection, cursor, size);
				this.store.advance(connection, this.name, this.part, batch.cursor(), rowsDone + batch.rowsWalked(), batch.last());
				int waiters = this.waiters.count(connection);
				connection.commit();
				return batch.withWaiters(waiters);
			}
			catch (SQLException | RuntimeException ex) {
				failure = ex;
				Transactions.attempt(ex, connection::rollback);
				throw ex;
			}
			finally {
				Throwable cause = failure;
				if (this.bypassSyncTriggers) {
					Transactions.attempt(cause, () -> SyncTriggerBypass.disable(connection, this.type));
				}
				Transactions.attempt(cause, () -> connection.setAutoCommit(autoCommit));
				if (sessionIsolation) {
					Transactions.attempt(cause, () -> connection.setTransactionIsolation(isolation));
				}
			}
		}
	}

}
