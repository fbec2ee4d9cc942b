package dev.stepwise.migration.internal.execute;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.stepwise.migration.api.MigrationEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pause before retry number {@code attempt}: the base doubled per attempt, capped at
 * 30 s, times a random factor between 0.5 and 1.5 so that instances retrying together
 * spread out. Each retry is logged at WARN with the session that holds the lock, so that
 * minutes of retries are never silent.
 */
final class LockTimeoutRetry {

	private static final Logger logger = LoggerFactory.getLogger(LockTimeoutRetry.class);

	private static final long CAP_MILLIS = 30_000;

	private LockTimeoutRetry() {
	}

	/**
	 * Logs the retry and tells the listeners it is coming, then waits for it: one place for
	 * both the per-statement and the whole-migration retry.
	 * @param attempt the attempt that failed, from 0
	 * @param retries how many retries the configuration allows
	 * @param blockers the sessions that may hold the lock, as the dialect describes them, or
	 * {@code null} if none was found
	 */
	static void pause(Listeners listeners, MigrationEvent migration, Duration base, int attempt, int retries,
			@Nullable String blockers) {
		Duration pause = backoff(base, attempt);
		int next = attempt + 1;
		logger.warn("{}{}: a statement gave up waiting for a lock (attempt {} of {}); retrying in {} ms. Blocked by {}."
				+ " The wait per attempt and the number of retries are stepwise.ddl-lock-timeout and stepwise.ddl-retries.",
				migration.script(), (migration.version() != null) ? " (version " + migration.version() + ")" : "", next,
				retries + 1, pause.toMillis(), (blockers != null) ? blockers : "a session that has since finished");
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
