package dev.stepwise.migration.benchmarks.zerodowntime;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.StatementExecutor;

/**
 * What the expand did and when, on the run's clock: each DDL statement, the end of the
 * DDL transaction, and each backfill batch (from the connection it asked for to the
 * progress it reported after commit). Writers' slow operations are matched against it.
 * <p>
 * The benchmark's keys are dense (1 to the row count, only ever updated), so the batch
 * that walked rows {@code (a, b]} in key order updated exactly the ids {@code (a, b]}: a
 * slow write to such an id during that batch waited for the batch's row lock.
 */
final class ExpandTimeline {

	private final RunClock clock;

	private final List<Span> ddl = new ArrayList<>();

	private final List<Span> batches = new ArrayList<>();

	private long lastLease;

	private long lastRowsDone;

	private long ddlTransactionEnd = -1;

	ExpandTimeline(RunClock clock) {
		this.clock = clock;
	}

	/** Runs each DDL statement as the engine would by default, and times it. */
	StatementExecutor timedDdl() {
		return (connection, statement) -> {
			long start = this.clock.now();
			StatementExecutor.PLAIN.execute(connection, statement);
			synchronized (this) {
				this.ddl.add(new Span(shorten(statement.sql()), start, this.clock.now(), 0, 0));
			}
		};
	}

	synchronized void leased(long when) {
		this.lastLease = when;
		if (this.ddlTransactionEnd < 0 && !this.ddl.isEmpty()) {
			// The expand commits its DDL, closes that connection, and only then asks for the next one.
			this.ddlTransactionEnd = when;
		}
	}

	synchronized void batchCommitted(BackfillProgress progress) {
		this.batches.add(new Span("backfill batch", this.lastLease, this.clock.now(), this.lastRowsDone, progress.rowsDone()));
		this.lastRowsDone = progress.rowsDone();
	}

	/** The span the writers would have waited on from the DDL: first statement to commit. */
	synchronized Span ddlTransaction() {
		long start = this.ddl.isEmpty() ? 0 : this.ddl.get(0).start();
		long end = (this.ddlTransactionEnd >= 0) ? this.ddlTransactionEnd
				: this.ddl.isEmpty() ? 0 : this.ddl.get(this.ddl.size() - 1).end();
		return new Span("DDL transaction", start, end, 0, 0);
	}

	synchronized List<Span> ddlStatements() {
		return List.copyOf(this.ddl);
	}

	synchronized List<Span> batches() {
		return List.copyOf(this.batches);
	}

	/**
	 * What a slow operation most likely waited for: the DDL transaction's table lock, the
	 * row lock of the batch that held its row, or (only overlapping a batch, or nothing)
	 * the machine: CPU, WAL flushes, checkpoints.
	 */
	synchronized String cause(SlowOperation operation) {
		if (ddlTransaction().overlaps(operation)) {
			return "DDL transaction's table lock";
		}
		boolean duringBackfill = false;
		for (Span batch : this.batches) {
			if (batch.overlaps(operation)) {
				if (operation.id() > batch.firstKeyAfter() && operation.id() <= batch.lastKey()) {
					return "its row locked by a backfill batch";
				}
				duringBackfill = true;
			}
		}
		return duringBackfill ? "during the backfill, row not in the batch" : "outside the expand";
	}

	private static String shorten(String sql) {
		String line = sql.replaceAll("\\s+", " ");
		return (line.length() <= 60) ? line : line.substring(0, 57) + "...";
	}

	/**
	 * Something the expand did, from start to end; for a batch, the keys it walked:
	 * {@code (firstKeyAfter, lastKey]}.
	 */
	record Span(String what, long start, long end, long firstKeyAfter, long lastKey) {

		long rows() {
			return this.lastKey - this.firstKeyAfter;
		}

		long duration() {
			return this.end - this.start;
		}

		boolean overlaps(SlowOperation operation) {
			return operation.startNanos() < this.end && operation.endNanos() > this.start;
		}

	}

}
