package dev.stepwise.migration.api;

import java.time.Instant;

/**
 * How far a backfill is, as stored after its last committed batch.
 *
 * @param name the backfill's name (its key in the progress table)
 * @param table the table it transforms
 * @param rowsDone the rows walked so far
 * @param estimatedTotal the table's row count when the backfill started, from the
 * catalogue's statistics (or a count where there are none); {@code -1} when unknown
 * @param rowsPerSecond the rows walked per second between start and the last batch
 * @param done whether every row has been walked
 * @param updatedAt when its last batch committed (by the clock of the machine that ran it)
 */
public record BackfillProgress(String name, String table, long rowsDone, long estimatedTotal, double rowsPerSecond,
		boolean done, Instant updatedAt) {

}
