package dev.stepwise.migration.execute;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause before retry number {@code attempt}: the base doubled per attempt, capped at
 * 30 s, times a random factor between 0.5 and 1.5 so that instances retrying together
 * spread out.
 */
final class LockTimeoutRetry {

	private static final long CAP_MILLIS = 30_000;

	private LockTimeoutRetry() {
	}

	static Duration backoff(Duration base, int attempt) {
		long doubled = base.toMillis() << Math.min(attempt, 16);
		long capped = Math.min(doubled, CAP_MILLIS);
		double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
		return Duration.ofMillis((long) (capped * jitter));
	}

	static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry", ex);
		}
	}

}
