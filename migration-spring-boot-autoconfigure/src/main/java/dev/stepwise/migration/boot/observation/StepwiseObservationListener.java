package dev.stepwise.migration.boot.observation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.StepwiseListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes each migration applied or rolled back as a {@code stepwise.migration}
 * Observation, a child of the run's when there is one. Low-cardinality keys: the operation,
 * the migration's type and the outcome; the version and script are high-cardinality.
 */
public class StepwiseObservationListener implements StepwiseListener {

	static final String NAME = "stepwise.migration";

	private final ObservationRegistry registry;

	private final Map<MigrationEvent, Observation> running = new ConcurrentHashMap<>();

	public StepwiseObservationListener(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void beforeMigrate(MigrationEvent migration) {
		start("migrate", migration);
	}

	@Override
	public void afterMigrate(MigrationEvent migration, Duration executionTime) {
		stop(migration, null);
	}

	@Override
	public void migrateFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
		stop(migration, failure);
	}

	@Override
	public void beforeRollback(MigrationEvent migration) {
		start("rollback", migration);
	}

	@Override
	public void afterRollback(MigrationEvent migration, Duration executionTime) {
		stop(migration, null);
	}

	@Override
	public void rollbackFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
		stop(migration, failure);
	}

	private void start(String operation, MigrationEvent migration) {
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName("stepwise " + operation + " " + migration.script())
			.lowCardinalityKeyValue("stepwise.operation", operation)
			.lowCardinalityKeyValue("stepwise.migration.type", migration.type().name())
			.highCardinalityKeyValue("stepwise.migration.version",
					(migration.version() != null) ? migration.version().toString() : "repeatable")
			.highCardinalityKeyValue("stepwise.migration.script", migration.script())
			.start();
		this.running.put(migration, observation);
	}

	private void stop(MigrationEvent migration, @Nullable Throwable failure) {
		Observation observation = this.running.remove(migration);
		if (observation == null) {
			return;
		}
		if (failure != null) {
			observation.error(failure);
		}
		observation.lowCardinalityKeyValue("stepwise.outcome", (failure != null) ? "failure" : "success").stop();
	}

}
