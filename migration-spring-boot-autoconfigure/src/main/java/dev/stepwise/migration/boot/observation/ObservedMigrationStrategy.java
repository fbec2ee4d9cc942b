package dev.stepwise.migration.boot.observation;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.boot.autoconfigure.StepwiseMigrationStrategy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes each start-up run as a {@code stepwise.run} Observation, the parent of its
 * migrations' Observations. Low-cardinality keys: the operation, the history table and the
 * outcome.
 */
public class ObservedMigrationStrategy implements StepwiseMigrationStrategy {

	static final String NAME = "stepwise.run";

	private final StepwiseMigrationStrategy delegate;

	private final ObservationRegistry registry;

	public ObservedMigrationStrategy(StepwiseMigrationStrategy delegate, ObservationRegistry registry) {
		this.delegate = delegate;
		this.registry = registry;
	}

	@Override
	public void migrate(Stepwise stepwise) {
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName("stepwise start-up migration")
			.lowCardinalityKeyValue("stepwise.operation", "migrate")
			.lowCardinalityKeyValue("stepwise.table", stepwise.configuration().table())
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			this.delegate.migrate(stepwise);
			observation.lowCardinalityKeyValue("stepwise.outcome", "success");
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue("stepwise.outcome", "failure");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

}
