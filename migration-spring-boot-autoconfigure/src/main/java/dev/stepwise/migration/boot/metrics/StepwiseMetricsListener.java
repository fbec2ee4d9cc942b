package dev.stepwise.migration.boot.metrics;

import java.time.Duration;

import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.StepwiseListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Records what the engine does as Micrometer meters:
 * <ul>
 * <li>{@code stepwise.migrations}: a timer per migration run, tagged {@code version},
 * {@code type}, {@code direction} (up, down) and {@code outcome} (success, failure);</li>
 * <li>{@code stepwise.migrations.applied}, {@code stepwise.migrations.rolled.back},
 * {@code stepwise.migrations.failed}: counters;</li>
 * <li>{@code stepwise.lock.wait}: a timer of the time spent waiting for the lock;</li>
 * <li>{@code stepwise.ddl.retries}: a counter of DDL statements retried after a lock
 * timeout.</li>
 * </ul>
 */
public class StepwiseMetricsListener implements StepwiseListener {

	private final MeterRegistry registry;

	/**
	 * Creates a listener that records into {@code registry}.
	 * @param registry the registry
	 */
	public StepwiseMetricsListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void lockAcquired(Duration waited) {
		Timer.builder("stepwise.lock.wait")
			.description("Time spent waiting for the migration lock")
			.register(this.registry)
			.record(waited);
	}

	@Override
	public void afterMigrate(MigrationEvent migration, Duration executionTime) {
		record(migration, "up", "success", executionTime);
		this.registry.counter("stepwise.migrations.applied", typeTag(migration)).increment();
	}

	@Override
	public void migrateFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
		record(migration, "up", "failure", executionTime);
		this.registry.counter("stepwise.migrations.failed", typeTag(migration).and("direction", "up")).increment();
	}

	@Override
	public void afterRollback(MigrationEvent migration, Duration executionTime) {
		record(migration, "down", "success", executionTime);
		this.registry.counter("stepwise.migrations.rolled.back", typeTag(migration)).increment();
	}

	@Override
	public void rollbackFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
		record(migration, "down", "failure", executionTime);
		this.registry.counter("stepwise.migrations.failed", typeTag(migration).and("direction", "down")).increment();
	}

	@Override
	public void ddlRetried(MigrationEvent migration, int attempt, Duration backoff) {
		this.registry.counter("stepwise.ddl.retries", Tags.of("version", version(migration))).increment();
	}

	private void record(MigrationEvent migration, String direction, String outcome, Duration executionTime) {
		Timer.builder("stepwise.migrations")
			.description("Time taken by each migration and rollback")
			.tags(typeTag(migration).and("version", version(migration))
				.and("direction", direction)
				.and("outcome", outcome))
			.register(this.registry)
			.record(executionTime);
	}

	private static Tags typeTag(MigrationEvent migration) {
		return Tags.of("type", migration.type().name());
	}

	private static String version(MigrationEvent migration) {
		return (migration.version() != null) ? migration.version().toString() : "repeatable";
	}

}
