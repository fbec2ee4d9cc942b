package dev.stepwise.migration.boot.metrics;

import java.util.List;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.boot.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.migration.boot.autoconfigure.StepwiseMetricsAutoConfiguration;
import dev.stepwise.migration.boot.testsupport.ExpandContractMigrations;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gauges of expansions and backfills, bound by Spring Boot's metrics auto-configuration
 * to an engine that expands and contracts {@code people.name} on H2.
 */
class ExpansionMeterBinderTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class,
				StepwiseMetricsAutoConfiguration.class))
		.withUserConfiguration(ExpandContractMigrations.class)
		.withPropertyValues("spring.datasource.generate-unique-name=true", "stepwise.locations=classpath:db/expand",
				"stepwise.instance-registry.enabled=false");

	@Test
	void gaugesTheBackfillOfAnExpandAndTheExpansionsInFlight() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Stepwise stepwise = context.getBean(Stepwise.class);
			String backfill = stepwise.expansions().get(0).backfill().name();
			assertThat(registry.get("stepwise.backfill.rows.done")
				.tags("engine", "stepwise", "backfill", backfill)
				.gauge()
				.value()).isEqualTo(3);
			assertThat(registry.get("stepwise.backfill.rows.estimated")
				.tags("engine", "stepwise", "backfill", backfill)
				.gauge()
				.value()).isEqualTo(3);
			// Contracted at start-up: nothing in flight.
			assertThat(registry.get("stepwise.expansions.in.flight").tag("engine", "stepwise").gauge().value()).isZero();
		});
	}

	@Test
	void followsTheBackfillsThatMigrationsAndRollbacksRunAndForget() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Stepwise stepwise = context.getBean(Stepwise.class);
			String expandBackfill = stepwise.backfills().get(0).name();
			assertThat(backfillsWithGauges(registry)).containsExactly(expandBackfill);

			// Undoing the contract refills the old column by a backfill of its own.
			stepwise.rollbackLast(1);
			assertThat(registry.get("stepwise.expansions.in.flight").tag("engine", "stepwise").gauge().value()).isOne();
			assertThat(stepwise.backfills()).hasSize(2);
			assertThat(backfillsWithGauges(registry))
				.containsExactlyInAnyOrderElementsOf(stepwise.backfills().stream().map(BackfillProgress::name).toList());
			for (BackfillProgress progress : stepwise.backfills()) {
				assertThat(registry.get("stepwise.backfill.rows.done").tag("backfill", progress.name()).gauge().value())
					.isEqualTo(progress.rowsDone());
			}

			// Contracting again forgets that backfill: its gauges go with it.
			stepwise.migrate(MigrateOptions.defaults().includingRolledBack());
			assertThat(registry.get("stepwise.expansions.in.flight").tag("engine", "stepwise").gauge().value()).isZero();
			assertThat(backfillsWithGauges(registry)).containsExactly(expandBackfill);
		});
	}

	private static List<String> backfillsWithGauges(MeterRegistry registry) {
		return registry.find("stepwise.backfill.rows.done")
			.gauges()
			.stream()
			.map((gauge) -> gauge.getId().getTag("backfill"))
			.toList();
	}

}
