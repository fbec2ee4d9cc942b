package dev.stepwise.migration.boot.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.stepwise.migration.boot.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.migration.boot.autoconfigure.StepwiseObservationAutoConfiguration;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start-up run shows as one {@code stepwise.run} Observation with a child
 * {@code stepwise.migration} Observation per migration, on an embedded H2 database.
 */
class StepwiseObservationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class,
				StepwiseObservationAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void observesTheRunAndEachMigration() {
		RecordingHandler handler = new RecordingHandler();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry(handler)).run((context) -> {
			assertThat(context).hasNotFailed();
			List<Observation.Context> runs = handler.stopped("stepwise.run");
			assertThat(runs).hasSize(1);
			assertThat(keys(runs.get(0))).contains(KeyValue.of("stepwise.operation", "migrate"),
					KeyValue.of("stepwise.table", "stepwise_history"), KeyValue.of("stepwise.outcome", "success"));
			List<Observation.Context> migrations = handler.stopped("stepwise.migration");
			assertThat(migrations).hasSize(2);
			assertThat(migrations).allSatisfy((migration) -> {
				assertThat(migration.getParentObservation()).isNotNull();
				assertThat(migration.getParentObservation().getContextView().getName()).isEqualTo("stepwise.run");
				assertThat(keys(migration)).contains(KeyValue.of("stepwise.operation", "migrate"),
						KeyValue.of("stepwise.migration.type", "SQL"), KeyValue.of("stepwise.outcome", "success"));
			});
			assertThat(migrations).extracting((migration) -> migration.getHighCardinalityKeyValue(
					"stepwise.migration.version").getValue()).containsExactly("1", "2");
		});
	}

	@Test
	void observesAFailedMigrationAsAnError() {
		RecordingHandler handler = new RecordingHandler();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry(handler))
			.withPropertyValues("stepwise.locations=classpath:db/broken")
			.run((context) -> {
				assertThat(context).hasFailed();
				Observation.Context failed = handler.stopped("stepwise.migration").get(1);
				assertThat(keys(failed)).contains(KeyValue.of("stepwise.outcome", "failure"));
				assertThat(failed.getError()).isNotNull();
				Observation.Context run = handler.stopped("stepwise.run").get(0);
				assertThat(keys(run)).contains(KeyValue.of("stepwise.outcome", "failure"));
				assertThat(run.getError()).isNotNull();
			});
	}

	@Test
	void backsOffWithoutAnObservationRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(StepwiseObservationListener.class));
	}

	private static ObservationRegistry registry(RecordingHandler handler) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(handler);
		return registry;
	}

	private static List<KeyValue> keys(Observation.Context context) {
		return context.getLowCardinalityKeyValues().stream().toList();
	}

	static final class RecordingHandler implements ObservationHandler<Observation.Context> {

		private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		List<Observation.Context> stopped(String name) {
			return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
		}

	}

}
