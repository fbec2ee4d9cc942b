package dev.stepwise.migration.backfill;

import java.sql.SQLException;

import dev.stepwise.migration.api.BackfillProgress;

/**
 * Runs the backfill of a column that Stepwise's expand/contract sync triggers keep in step
 * with another: each batch marks its transaction so that the triggers skip their copy for
 * its rows, since the batch writes that value itself and paying the trigger per row would
 * only redo the work. For {@code dev.stepwise.migration.expand}, which owns those
 * triggers; a backfill of any other column must run with {@link Backfill#run()}, or the
 * triggers' writes would be lost.
 */
public final class SyncedColumnBackfill {

	private SyncedColumnBackfill() {
	}

	/**
	 * Runs the backfill with the sync triggers bypassed.
	 * @param backfill the backfill, written as any other
	 * @return the final progress
	 * @throws SQLException if a batch fails; committed batches stay, and a new run resumes
	 */
	public static BackfillProgress run(Backfill backfill) throws SQLException {
		return new BackfillRun(backfill.spec(true)).run();
	}

}
