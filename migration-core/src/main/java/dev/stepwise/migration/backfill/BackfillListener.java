package dev.stepwise.migration.backfill;

import dev.stepwise.migration.api.BackfillProgress;

/**
 * Told after each batch of a backfill has committed, with the progress stored with it;
 * for metrics and logs. An exception thrown here stops the backfill after that batch,
 * which stays committed, so a later run resumes after it.
 */
@FunctionalInterface
public interface BackfillListener {

	void batchCommitted(BackfillProgress progress);

}
