package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.jdbc.Transactions;
import org.jspecify.annotations.Nullable;

/**
 * Runs each keyset batch on PostgreSQL in one round trip: {@code BEGIN}, the batch's
 * settings, its UPDATE, its cursor, the next batch's upper bound and {@code COMMIT}, sent
 * together as one multi-statement request.
 * <p>
 * Under load a round trip costs more than its statement: the backend and the client
 * each wait to be scheduled again. The batch therefore reads the next batch's bound
 * ahead, sized by what the target duration asked for when it started: the size follows
 * the target one batch late, which {@link BatchSizer} allows for. The last batch, whose
 * range is open-ended and whose rows must be counted, goes through the
 * statement-by-statement runner.
 */
final class PipelinedBatchRunner implements BatchRunner {

	// The request's results, in order: BEGIN, the settings, the UPDATE, the cursor, the bound, the lock waiters, COMMIT.
	private static final int ADVANCE_RESULT = 3;

	private static final int BOUND_RESULT = 4;

	private static final int WAITERS_RESULT = 5;

	private final String waitersQuery;

	private final DataSource dataSource;

	private final boolean bypassSyncTriggers;

	private final ProgressStore store;

	private final String name;

	/** The row of the cursor: 0 for the backfill's own, else the part a worker walks. */
	private final int part;

	private final KeysetWalker walker;

	private final BatchRunner lastBatch;

	private @Nullable Bound bound;

	PipelinedBatchRunner(DataSource dataSource, boolean bypassSyncTriggers, ProgressStore store, String name, int part,
			KeysetWalker walker, BatchRunner lastBatch, Duration longWait) {
		this.waitersQuery = Objects.requireNonNull(LockWaiters.query(DatabaseType.POSTGRESQL, longWait));
		this.dataSource = dataSource;
		this.bypassSyncTriggers = bypassSyncTriggers;
		this.store = store;
		this.name = name;
		this.part = part;
		this.walker = walker;
		this.lastBatch = lastBatch;
	}

	@Override
	public BatchWalker.Batch run(@Nullable String cursor, long rowsDone, int size) throws SQLException {
		List<String> lower = (cursor != null) ? KeyCursor.decode(cursor) : null;
		Bound current = (this.bound != null && Objects.equals(this.bound.after(), cursor)) ? this.bound
				: readBound(cursor, lower, size);
		this.bound = null;
		if (current.upper() == null) {
			return this.lastBatch.run(cursor, rowsDone, size);
		}
		String upperCursor = KeyCursor.encode(current.upper());
		List<BoundSql> statements = List.of(this.walker.updateRange(lower, current.upper()),
				this.store.advance(this.name, this.part, upperCursor, rowsDone + current.size(), false),
				this.walker.upperBoundQuery(current.upper(), size));
		String sql = "BEGIN ISOLATION LEVEL READ COMMITTED; " + BatchSettings.postgresSettings(this.bypassSyncTriggers) + "; "
				+ statements.stream().map(BoundSql::sql).collect(Collectors.joining("; ")) + "; " + this.waitersQuery
				+ "; COMMIT";
		int waiters;
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			// The transaction is the request's own BEGIN ... COMMIT, so the driver must not open one.
			connection.setAutoCommit(true);
			Throwable failure = null;
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				int index = 1;
				for (BoundSql each : statements) {
					index = each.bind(statement, index);
				}
				Results results = readResults(statement, statement.execute());
				this.bound = new Bound(upperCursor, results.bound(), size);
				waiters = results.waiters();
			}
			catch (SQLException | RuntimeException ex) {
				failure = ex;
				rollback(connection, ex);
				throw ex;
			}
			finally {
				Transactions.attempt(failure, () -> connection.setAutoCommit(autoCommit));
			}
		}
		return new BatchWalker.Batch(upperCursor, current.size(), current.size(), false, waiters);
	}

	private Bound readBound(@Nullable String cursor, @Nullable List<String> lower, int size) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return new Bound(cursor, this.walker.upperBound(connection, lower, size), size);
		}
	}

	/**
	 * Checks the cursor's update and returns the next batch's upper bound. The results
	 * arrive after the COMMIT: a cursor row missing here stops the run with the batch
	 * committed, which is harmless because only {@link Backfill#forget} deletes that row,
	 * after which the next run starts over anyway.
	 */
	private Results readResults(PreparedStatement statement, boolean isQuery) throws SQLException {
		List<String> next = null;
		int waiters = 0;
		boolean query = isQuery;
		for (int result = 0;; result++) {
			if (query) {
				try (ResultSet rows = statement.getResultSet()) {
					if (result == BOUND_RESULT && rows.next()) {
						next = this.walker.readKey(rows);
					}
					else if (result == WAITERS_RESULT && rows.next()) {
						waiters = rows.getInt(1);
					}
				}
			}
			else {
				int count = statement.getUpdateCount();
				if (count == -1) {
					return new Results(next, waiters);
				}
				if (result == ADVANCE_RESULT) {
					ProgressStore.requireAdvanced(this.name, count);
				}
			}
			query = statement.getMoreResults();
		}
	}

	/** A failed statement leaves the request's transaction aborted and open: end it, keeping the first error. */
	private static void rollback(Connection connection, Exception failure) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ROLLBACK");
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * The upper bound of the batch after a cursor.
	 * @param after the cursor the bound follows
	 * @param upper the bound, {@code null} when fewer than {@code size} rows remain
	 * @param size the rows up to the bound
	 */
	private record Results(@Nullable List<String> bound, int waiters) {

	}

	private record Bound(@Nullable String after, @Nullable List<String> upper, int size) {

	}

}
