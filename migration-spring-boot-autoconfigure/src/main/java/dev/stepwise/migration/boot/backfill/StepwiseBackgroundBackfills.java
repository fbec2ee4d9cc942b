package dev.stepwise.migration.boot.backfill;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.expand.ColumnChange;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs, after start-up and while the application serves, the backfills that expands left
 * to the background ({@link ColumnChange#backfillInBackground()}) and those a crash
 * interrupted, through {@link Stepwise#resumeBackfills()}.
 * <p>
 * It looks right after start and then at every check interval, on a daemon thread of its
 * own so that a long backfill never delays the instance's heartbeats. The engine's backfill
 * lock lets one instance at a time do the work; the others find nothing to do. A failed or
 * interrupted backfill is logged and resumes from its stored cursor at the next check.
 */
public class StepwiseBackgroundBackfills implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StepwiseBackgroundBackfills.class);

	private final Map<String, Stepwise> engines;

	private final Duration checkInterval;

	private final Object monitor = new Object();

	private @Nullable ScheduledExecutorService backfills;

	/**
	 * Creates the background backfills of the engines.
	 * @param engines the engines by bean name
	 * @param checkInterval the time between two looks for unfinished backfills
	 */
	public StepwiseBackgroundBackfills(Map<String, Stepwise> engines, Duration checkInterval) {
		if (checkInterval.isNegative() || checkInterval.isZero()) {
			throw new IllegalArgumentException(
					"stepwise.background-backfills.check-interval must be positive, got " + checkInterval);
		}
		this.engines = new LinkedHashMap<>(engines);
		this.checkInterval = checkInterval;
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.backfills != null) {
				return;
			}
			ScheduledThreadPoolExecutor backfills = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "stepwise-backfill");
				thread.setDaemon(true);
				return thread;
			});
			backfills.scheduleWithFixedDelay(this::resume, 0, this.checkInterval.toMillis(), TimeUnit.MILLISECONDS);
			this.backfills = backfills;
		}
	}

	@Override
	public void stop() {
		synchronized (this.monitor) {
			ScheduledExecutorService backfills = this.backfills;
			if (backfills != null) {
				this.backfills = null;
				// A batch in flight commits or rolls back; the backfill resumes after its last committed batch.
				backfills.shutdownNow();
			}
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.monitor) {
			return this.backfills != null;
		}
	}

	private void resume() {
		this.engines.forEach((name, engine) -> {
			try {
				List<String> resumed = engine.resumeBackfills();
				if (!resumed.isEmpty()) {
					logger.info("Finished the background backfills of {} (engine '{}')", resumed, name);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Background backfill of engine '{}' failed; it resumes from its last batch at the next"
						+ " check: {}", name, CredentialMask.mask(ex.getMessage()));
			}
		});
	}

}
