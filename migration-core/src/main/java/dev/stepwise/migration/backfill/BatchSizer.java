package dev.stepwise.migration.backfill;

import java.time.Duration;

/**
 * Steers the batch size towards a target batch duration, so locks are held briefly on a
 * busy table and batches are large enough to be fast on an idle one.
 */
final class BatchSizer {

	private final long targetNanos;

	private final int maximum;

	private int size;

	BatchSizer(Duration target, int initial, int maximum) {
		this.targetNanos = target.toNanos();
		this.maximum = maximum;
		this.size = Math.max(1, Math.min(initial, maximum));
	}

	int size() {
		return this.size;
	}

	/**
	 * Scales the size by target / elapsed, at most halving or doubling it per batch so that
	 * one slow batch (a lock wait, a checkpoint) does not collapse the size.
	 */
	void record(long elapsedNanos) {
		double factor = (double) this.targetNanos / Math.max(elapsedNanos, 1);
		factor = Math.max(0.5, Math.min(2.0, factor));
		this.size = (int) Math.max(1, Math.min(this.maximum, Math.round(this.size * factor)));
	}

}
