package dev.stepwise.migration.backfill;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Runs one batch of a backfill in a transaction of its own, stores its cursor in that
 * same transaction, and commits.
 */
interface BatchRunner {

	/**
	 * @param cursor where the previous batch stopped, {@code null} at the start
	 * @param rowsDone the rows walked before this batch
	 * @param size the batch size the target duration asks for now
	 * @return what the committed batch covered
	 */
	BatchWalker.Batch run(@Nullable String cursor, long rowsDone, int size) throws SQLException;

}
