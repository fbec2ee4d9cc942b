package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
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

	TransactionalBatchRunner(DataSource dataSource, DatabaseType type, boolean bypassSyncTriggers, ProgressStore store,
			String name, int part, BatchWalker walker) {
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
			// PostgreSQL sets the batch's isolation with its other settings, in one round trip, below.
			boolean sessionIsolation = this.type != DatabaseType.POSTGRESQL;
			int isolation = sessionIsolation ? connection.getTransactionIsolation() : Connection.TRANSACTION_READ_COMMITTED;
			if (sessionIsolation) {
				// Read committed: on MySQL/MariaDB this avoids gap locks that would block inserts next to the range.
				connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			}
			connection.setAutoCommit(false);
			Throwable failure = null;
			try {
				BatchSettings.apply(connection, this.type, this.bypassSyncTriggers);
				BatchWalker.Batch batch = this.walker.next(connection, cursor, size);
				this.store.advance(connection, this.name, this.part, batch.cursor(), rowsDone + batch.rowsWalked(), batch.last());
				connection.commit();
				return batch;
			}
			catch (SQLException | RuntimeException ex) {
				failure = ex;
				Cleanup.run(ex, connection::rollback);
				throw ex;
			}
			finally {
				Throwable cause = failure;
				if (this.bypassSyncTriggers) {
					Cleanup.run(cause, () -> SyncTriggerBypass.disable(connection, this.type));
				}
				Cleanup.run(cause, () -> connection.setAutoCommit(autoCommit));
				if (sessionIsolation) {
					Cleanup.run(cause, () -> connection.setTransactionIsolation(isolation));
				}
			}
		}
	}

}
