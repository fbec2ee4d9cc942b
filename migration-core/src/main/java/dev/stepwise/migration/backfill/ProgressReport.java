package dev.stepwise.migration.backfill;

import java.time.Instant;

import dev.stepwise.migration.api.BackfillProgress;

/**
 * The rows a run has walked, across its workers, told to the backfill's listener after
 * each batch, one call at a time.
 */
final class ProgressReport {

	private final ProgressStore.Stored stored;

	private final BackfillListener listener;

	private long rowsDone;

	ProgressReport(ProgressStore.Stored stored, BackfillListener listener) {
		this.stored = stored;
		this.listener = listener;
		this.rowsDone = stored.rowsDone();
	}

	synchronized void batchCommitted(long rowsWalked, boolean last) {
		this.rowsDone += rowsWalked;
		this.listener.batchCommitted(current(last));
	}

	/** Tells the listener that the backfill, which several workers ran, is done. */
	synchronized BackfillProgress finished() {
		BackfillProgress progress = current(true);
		this.listener.batchCommitted(progress);
		return progress;
	}

	synchronized BackfillProgress current(boolean done) {
		return this.stored.progressAt(this.rowsDone, Instant.now(), done);
	}

}
