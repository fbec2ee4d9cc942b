package dev.stepwise.migration.benchmarks.zerodowntime;

import java.util.List;

/**
 * What a group of writers did: their latencies, operation and error counts, the slow
 * operations, and how long they ran.
 *
 * @param latencies every successful operation's latency
 * @param operations successful operations
 * @param errors failed operations
 * @param firstErrors the messages of the first few errors
 * @param slowOperations operations over the slow threshold (at most a bounded number)
 * @param elapsedNanos from start to the last writer's end
 */
record WriterResult(LatencyHistogram latencies, long operations, long errors, List<String> firstErrors,
		List<SlowOperation> slowOperations, long elapsedNanos) {

	double operationsPerSecond() {
		return this.operations / (this.elapsedNanos / 1e9);
	}

}
