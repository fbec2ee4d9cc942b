package dev.stepwise.migration.benchmarks.zerodowntime;

/**
 * Monotonic time since the benchmark started, so that writer operations, DDL statements
 * and backfill batches can be laid side by side.
 */
final class RunClock {

	private final long epoch = System.nanoTime();

	long now() {
		return System.nanoTime() - this.epoch;
	}

	static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

}
