package dev.stepwise.migration.benchmarks.zerodowntime;

/**
 * One writer operation that took longer than the benchmark's slow threshold, kept with its
 * start so that it can be matched with the DDL or batch it waited for.
 *
 * @param id the row it updated
 * @param startNanos when it started, on the run's clock
 * @param latencyNanos how long it took
 */
record SlowOperation(long id, long startNanos, long latencyNanos) {

	long endNanos() {
		return this.startNanos + this.latencyNanos;
	}

}
