package dev.stepwise.migration.benchmarks.zerodowntime;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.backfill.BackfillProgress;
import dev.stepwise.migration.expand.DdlExecutor;

/**
 * What the expand did and when, on the run's clock: each DDL statement, the end of the
 * DDL transaction, and each backfill batch (from the connection it asked for to the
 * progress it reported after commit). Writers' slow operations are matched against it.
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
	DdlExecutor timedDdl() {
		return (connection, sql) -> {
			long start = this.clock.now();
			DdlExecutor.PLAIN.execute(connection, sql);
			synchronized (this) {
				this.ddl.add(new Span(shorten(sql), start, this.clock.now(), 0));
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
		long rows = progress.rowsDone() - this.lastRowsDone;
		this.lastRowsDone = progress.rowsDone();
		this.batches.add(new Span("backfill batch", this.lastLease, this.clock.now(), rows));
	}

	/** The span the writers would have waited on from the DDL: first statement to commit. */
	synchronized Span ddlTransaction() {
		long start = this.ddl.isEmpty() ? 0 : this.ddl.get(0).start();
		long end = (this.ddlTransactionEnd >= 0) ? this.ddlTransactionEnd
				: this.ddl.isEmpty() ? 0 : this.ddl.get(this.ddl.size() - 1).end();
		return new Span("DDL transaction", start, end, 0);
	}

	synchronized List<Span> ddlStatements() {
		return List.copyOf(this.ddl);
	}

	synchronized List<Span> batches() {
		return List.copyOf(this.batches);
	}

	/** What a slow operation overlapped: the DDL transaction, a backfill batch, or nothing of the expand. */
	synchronized String cause(SlowOperation operation) {
		Span transaction = ddlTransaction();
		if (transaction.overlaps(operation)) {
			return "DDL transaction (ADD COLUMN .. CREATE TRIGGER, commit)";
		}
		for (Span batch : this.batches) {
			if (batch.overlaps(operation)) {
				return "backfill batch";
			}
		}
		return "none of the expand";
	}

	private static String shorten(String sql) {
		String line = sql.replaceAll("\\s+", " ");
		return (line.length() <= 60) ? line : line.substring(0, 57) + "...";
	}

	/** Something the expand did, from start to end, with the rows it touched (batches only). */
	record Span(String what, long start, long end, long rows) {

		long duration() {
			return this.end - this.start;
		}

		boolean overlaps(SlowOperation operation) {
			return operation.startNanos() < this.end && operation.endNanos() > this.start;
		}

	}

}
