package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.boot.metrics.PendingMigrationsMeterBinder;
import dev.stepwise.migration.boot.metrics.StepwiseMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbc.JdbcSQLSyntaxErrorException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up migration, on an embedded H2 database per context.
 */
class StepwiseAutoConfigurationMigrationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				StepwiseAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void migratesAtStartUp() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Stepwise.class).info().migrations()).extracting((info) -> info.state())
				.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
			assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT colour FROM things WHERE id = 1",
					String.class))
				.isEqualTo("red");
		});
	}

	@Test
	void createsJdbcTemplateOnlyAfterTheMigrationsRan() {
		// The repository reads the migrated table while it is being created: it works only if
		// the JdbcTemplate it needs waited for the migrations.
		this.contextRunner.withUserConfiguration(EagerRepositoryConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(EagerRepository.class).thingsAtStartUp).isOne();
		});
	}

	@Test
	void failsToStartOnAFailedMigration() {
		this.contextRunner.withPropertyValues("stepwise.locations=classpath:db/broken")
			.run((context) -> assertThat(context).getFailure()
				.cause()
				.hasRootCauseInstanceOf(JdbcSQLSyntaxErrorException.class)
				.satisfies((failure) -> assertThat(rootStepwiseFailure(failure)).isNotNull()
					.extracting(MigrationFailedException::script)
					.asString()
					.contains("V2__broken_insert.sql")));
	}

	@Test
	void recordsMetricsOfTheStartUpMigration() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(StepwiseMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(StepwiseMetricsListener.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("stepwise.migrations.applied").counter().count()).isEqualTo(2);
				assertThat(registry.get("stepwise.migrations").tags("version", "2", "outcome", "success").timer().count())
					.isOne();
				assertThat(registry.get("stepwise.lock.wait").timer().count()).isOne();
				// Spring Boot's metrics auto-configuration binds binders; here there is none.
				context.getBean(PendingMigrationsMeterBinder.class).bindTo(registry);
				assertThat(registry.get("stepwise.migrations.pending").tag("engine", "stepwise").gauge().value())
					.isZero();
			});
	}

	@Test
	void metricsBackOffWithoutAMeterRegistry() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(StepwiseMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StepwiseMetricsListener.class));
	}

	private static MigrationFailedException rootStepwiseFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationFailedException migrationFailure) {
				return migrationFailure;
			}
		}
		return null;
	}

	static class EagerRepository {

		final int thingsAtStartUp;

		EagerRepository(JdbcTemplate jdbcTemplate) {
			this.thingsAtStartUp = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM things", Integer.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EagerRepositoryConfiguration {

		@Bean
		EagerRepository eagerRepository(JdbcTemplate jdbcTemplate) {
			return new EagerRepository(jdbcTemplate);
		}

	}

}
