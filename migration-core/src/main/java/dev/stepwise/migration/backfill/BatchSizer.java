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

	/** Batch units per nanosecond, smoothed; 0 before the first batch. */
	private double rate;

	BatchSizer(Duration target, int initial, int maximum) {
		this.targetNanos = target.toNanos();
		this.maximum = maximum;
		this.size = Math.max(1, Math.min(initial, maximum));
	}

	int size() {
		return this.size;
	}

	/**
	 * Sets the next size from the pace of the batches so far: their smoothed rate times the
	 * target. A rate, not a correction of the last size, because a runner that reads a
	 * batch's bound ahead ({@link PipelinedBatchRunner}) runs the size asked for one batch
	 * late, and corrections applied twice would swing the size up and down. At most halving
	 * or doubling per batch, so that one slow batch (a lock wait, a checkpoint) does not
	 * collapse the size.
	 * @param batchSize the size the batch covered
	 * @param elapsedNanos the time it took
	 */
	void record(int batchSize, long elapsedNanos) {
		double rate = (double) batchSize / Math.max(elapsedNanos, 1);
		this.rate = (this.rate > 0) ? (this.rate + rate) / 2 : rate;
		double next = Math.max(this.size / 2.0, Math.min(this.size * 2.0, this.rate * this.targetNanos));
		this.size = (int) Math.max(1, Math.min(this.maximum, Math.round(next)));
	}

}
