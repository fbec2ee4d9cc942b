package dev.stepwise.migration.execute;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.stepwise.migration.MigrationEvent;

/**
 * The pause before retry number {@code attempt}: the base doubled per attempt, capped at
 * 30 s, times a random factor between 0.5 and 1.5 so that instances retrying together
 * spread out.
 */
final class LockTimeoutRetry {

	private static final long CAP_MILLIS = 30_000;

	private LockTimeoutRetry() {
	}

	/**
	 * Tells the listeners a retry is coming, then waits for it: one place for both the
	 * per-statement and the whole-migration retry.
	 * @param attempt the attempt that failed, from 0
	 */
	static void pause(Listeners listeners, MigrationEvent migration, Duration base, int attempt) {
		Duration pause = backoff(base, attempt);
		int next = attempt + 1;
		listeners.tell((listener) -> listener.ddlRetried(migration, next, pause));
		sleep(pause);
	}

	private static Duration backoff(Duration base, int attempt) {
		long doubled = base.toMillis() << Math.min(attempt, 16);
		long capped = Math.min(doubled, CAP_MILLIS);
		double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
		return Duration.ofMillis((long) (capped * jitter));
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry", ex);
		}
	}

}
