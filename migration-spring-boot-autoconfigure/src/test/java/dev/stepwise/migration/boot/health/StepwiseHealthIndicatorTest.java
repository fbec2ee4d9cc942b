package dev.stepwise.migration.boot.health;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.boot.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.migration.boot.autoconfigure.StepwiseHealthAutoConfiguration;
import dev.stepwise.migration.boot.autoconfigure.StepwiseMigrationStrategy;
import dev.stepwise.migration.boot.testsupport.ExpandContractMigrations;
import dev.stepwise.migration.expand.InstanceRegistry;
import dev.stepwise.migration.java.BaseJavaMigration;
import dev.stepwise.migration.java.MigrationContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code migrations} health indicator: when it exists and what it says.
 */
class StepwiseHealthIndicatorTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class,
				StepwiseHealthAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void isUpWithTheCurrentVersionWhenEverythingIsApplied() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean("migrationsHealthIndicator", StepwiseHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("stepwise");
			assertThat(details(health, "stepwise")).containsEntry("currentVersion", "2")
				.containsEntry("pending", List.of())
				.containsEntry("failed", List.of());
		});
	}

	@Test
	void staysUpAfterARollbackSinceRolledBackMigrationsAreNotPending() {
		this.contextRunner.run((context) -> {
			context.getBean(Stepwise.class).rollbackLast(1);
			Health health = context.getBean(StepwiseHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(details(health, "stepwise")).containsEntry("currentVersion", "1");
		});
	}

	@Test
	void isDownAndListsWhatIsPending() {
		this.contextRunner.withBean(StepwiseMigrationStrategy.class, () -> (stepwise) -> {
		}).run((context) -> {
			Health health = context.getBean(StepwiseHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(details(health, "stepwise")).containsEntry("currentVersion", "none");
			assertThat((List<?>) details(health, "stepwise").get("pending")).hasSize(2);
		});
	}

	@Test
	void isDownWithTheFailedMigrationAndItsError() {
		this.contextRunner.withPropertyValues("stepwise.locations=classpath:db/broken")
			.withBean(StepwiseMigrationStrategy.class, () -> (stepwise) -> {
			})
			.run((context) -> {
				assertThatExceptionOfType(MigrationFailedException.class)
					.isThrownBy(() -> context.getBean(Stepwise.class).migrate());
				Health health = context.getBean(StepwiseHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("recentFailures")).asList()
					.singleElement()
					.isInstanceOfSatisfying(MigrationFailureRecorder.MigrationFailure.class, (failure) -> {
						assertThat(failure.version()).isEqualTo("2");
						assertThat(failure.script()).contains("V2__broken_insert.sql");
						assertThat(failure.operation()).isEqualTo("migrate");
						assertThat(failure.error()).containsIgnoringCase("missing_column");
					});
			});
	}

	@Test
	void staysUpWhenOnlyANewerReleaseHasAFailedMigration() {
		String url = "jdbc:h2:mem:health_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(url);
		dataSource.setUser("sa");
		// The newer release knows V3, which failed after it had built a table.
		Stepwise newer = Stepwise.configure().dataSource(dataSource).locations("classpath:db/migration")
			.javaMigrations(new V3__Half_built()).load();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(newer::migrate);
		this.contextRunner.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=sa")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Health health = context.getBean(StepwiseHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(details(health, "stepwise")).containsEntry("failed", List.of())
					.containsEntry("failedInNewerRelease", List.of(Map.of("version", "3", "description", "Half built",
							"script", V3__Half_built.class.getName(), "state", "FAILED")));
			});
		// Without ignoreFutureMigrations the old release refuses to start, so there is no health to ask.
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=sa",
					"stepwise.ignore-future-migrations=false")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void staysUpWithADeferredContractAndShowsWhatItWaitsFor() throws Exception {
		String url = "jdbc:h2:mem:health_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(url);
		dataSource.setUser("sa");
		new InstanceRegistry(dataSource, DatabaseType.H2).register("old-release", "host-a", MigrationVersion.parse("1"));
		this.contextRunner.withUserConfiguration(ExpandContractMigrations.class)
			.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=sa",
					"stepwise.locations=classpath:db/expand", "stepwise.instance-registry.enabled=false")
			.run((context) -> {
				Health health = context.getBean(StepwiseHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(details(health, "stepwise")).containsEntry("currentVersion", "3")
					// Columns as H2's catalogue spells them.
					.containsEntry("expansionsInFlight",
							List.of(Map.of("id", "people.full_name", "oldColumn", "NAME", "newColumn", "FULL_NAME",
									"backfill", "done")))
					.containsEntry("deferredContracts", List.of(Map.of("id", "people.full_name", "waitingFor",
							List.of("old-release on host-a (code version 1)"))));
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StepwiseHealthIndicator.class));
	}

	@Test
	void backsOffWithoutAnEngine() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class, StepwiseHealthAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StepwiseHealthIndicator.class));
	}

	/** A migration of a newer release that fails outside a transaction after building a table. */
	static final class V3__Half_built extends BaseJavaMigration {

		@Override
		public boolean transactional() {
			return false;
		}

		@Override
		public void up(MigrationContext context) throws Exception {
			context.execute("CREATE TABLE half_built (id INT)");
			context.execute("INSERT INTO no_such_table VALUES (1)");
		}

	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Health health, String engine) {
		return (Map<String, Object>) health.getDetails().get(engine);
	}

}
