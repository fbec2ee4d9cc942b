package dev.stepwise.migration.backfill;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * One worker's walk: batches from a cursor to the end of its range, each sized towards the
 * target duration, with the rest the run's {@link Throttle} asks for between them.
 */
final class Walk {

	private final BatchRunner runner;

	private final Duration target;

	private final int maximumBatchSize;

	private final Throttle throttle;

	Walk(BatchRunner runner, Duration target, int maximumBatchSize, Throttle throttle) {
		this.runner = runner;
		this.target = target;
		this.maximumBatchSize = maximumBatchSize;
		this.throttle = throttle;
	}

	/**
	 * Runs batches from {@code cursor} to the end of the walker's range.
	 * @param rowsDone the rows this walk did before, stored with its cursor
	 * @param initial the first batch's size
	 * @param endsBackfill whether the walk's last batch is the backfill's
	 * @param stop asked before each batch, to stop early
	 */
	void from(@Nullable String cursor, long rowsDone, int initial, ProgressReport report, boolean endsBackfill,
			BooleanSupplier stop) throws SQLException {
		BatchSizer sizer = new BatchSizer(this.target, initial, this.maximumBatchSize);
		String next = cursor;
		long walked = rowsDone;
		while (!stop.getAsBoolean()) {
			long started = System.nanoTime();
			BatchWalker.Batch batch = this.runner.run(next, walked, sizer.size());
			long elapsed = System.nanoTime() - started;
			sizer.record(batch.size(), elapsed);
			next = batch.cursor();
			walked += batch.rowsWalked();
			report.batchCommitted(batch.rowsWalked(), batch.last() && endsBackfill);
			if (batch.last()) {
				return;
			}
			rest(this.throttle.batchDone(elapsed, batch.waiters()));
		}
	}

	private static void rest(Duration pause) {
		if (pause.isZero()) {
			return;
		}
		try {
			Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Backfill interrupted; it resumes from its stored cursor at the next run", ex);
		}
	}

}
