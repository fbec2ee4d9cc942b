package dev.stepwise.migration.backfill;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows a backfill down while it hurts the application and speeds it back up when it no
 * longer does, the way gh-ost throttles its row copy. Shared by a run's workers.
 * <ol>
 * <li>After each batch, two signals: the sessions that were waiting on a lock in the
 * database while the batch held its row locks (read in the batch's own transaction,
 * just before it commits), and the batch's time against its target (the batch size follows
 * the target, so a batch that waits on a lock, or a server short of CPU or I/O, runs
 * over).</li>
 * <li>Either signal raises the throttle a level, up to {@value #MAXIMUM_LEVEL}; a batch
 * with neither lowers it a level.</li>
 * <li>The rest between a worker's batches doubles with each level, from the larger of the
 * configured pause and a third of the target batch duration, up to one second; at level
 * 0 it is the configured pause.</li>
 * </ol>
 */
final class Throttle {

	static final int MAXIMUM_LEVEL = 5;

	/** A batch this many times longer than its target is a sign of pressure. */
	static final long DRIFT = 2;

	private static final Duration MAXIMUM_REST = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(Throttle.class);

	private final String name;

	private final Duration pause;

	private final Duration step;

	private final Observer observer;

	private final long targetNanos;

	private int level;

	Throttle(String name, Duration pause, Duration target, Observer observer) {
		this.name = name;
		this.pause = pause;
		Duration third = target.dividedBy(3);
		this.step = (pause.compareTo(third) > 0) ? pause : third;
		this.targetNanos = target.toNanos();
		this.observer = observer;
	}

	/**
	 * Records a committed batch and moves the throttle.
	 * @param nanos the time the batch took
	 * @param waiters the sessions waiting on a lock while it held its own
	 * @return the rest before the worker's next batch
	 */
	synchronized Duration batchDone(long nanos, int waiters) {
		boolean drifting = drift(nanos);
		int before = this.level;
		if (waiters > 0 || drifting) {
			this.level = Math.min(MAXIMUM_LEVEL, this.level + 1);
		}
		else {
			this.level = Math.max(0, this.level - 1);
		}
		if (this.level != before) {
			if (this.level > before) {
				logger.debug("Backfill '{}' slows down to level {}: {} session(s) waiting on a lock{}", this.name,
						this.level, waiters, drifting ? ", batches drifting slower" : "");
			}
			else {
				logger.debug("Backfill '{}' speeds up to level {}", this.name, this.level);
			}
		}
		this.observer.batchDone(this.level, waiters, drifting);
		return rest();
	}

	synchronized int level() {
		return this.level;
	}

	private Duration rest() {
		if (this.level == 0) {
			return this.pause;
		}
		Duration rest = this.step.multipliedBy(1L << this.level);
		return (rest.compareTo(MAXIMUM_REST) > 0) ? MAXIMUM_REST : rest;
	}

	/**
	 * Whether the batch ran over twice its target. The batch size follows the target, so a
	 * batch that takes this long met something new: a lock, a competing process, a flush;
	 * and every row lock it held was held that long.
	 */
	private boolean drift(long nanos) {
		return nanos > this.targetNanos * DRIFT;
	}

	/** Told of the throttle after each batch: for tests, and for a caller that reports it. */
	@FunctionalInterface
	interface Observer {

		Observer NONE = (level, waiters, drifting) -> {
		};

		void batchDone(int level, int waiters, boolean drifting);

	}

}
