package dev.stepwise.migration.boot.registry;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.api.SchemaMovedOnException;
import dev.stepwise.migration.boot.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.migration.boot.testsupport.ExpandContractMigrations;
import dev.stepwise.migration.expand.InstanceRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The instance registrar on H2: registration at start, heartbeats, the background retry of
 * a deferred contract, deregistration at stop, and when it backs off. Each test has a
 * database of its own that outlives the context, so the registry can be read after it.
 */
class StepwiseInstanceRegistrarTest {

	private final String url = "jdbc:h2:mem:registrar_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final InstanceRegistry registry = new InstanceRegistry(h2(this.url), DatabaseType.H2);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class))
		.withUserConfiguration(ExpandContractMigrations.class)
		.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa", "stepwise.locations=classpath:db/expand");

	@Test
	void registersThisInstanceWithItsCodeVersionUntilItStops() throws Exception {
		this.contextRunner.run((context) -> {
			StepwiseInstanceRegistrar registrar = context.getBean(StepwiseInstanceRegistrar.class);
			assertThat(registrar.isRunning()).isTrue();
			assertThat(this.registry.instances()).singleElement().satisfies((instance) -> {
				assertThat(instance.instanceId()).isEqualTo(registrar.instanceIds().get(0));
				assertThat(instance.host()).isEqualTo(InstanceRegistry.localHost());
				assertThat(instance.maxVersion()).isEqualTo(MigrationVersion.parse("3"));
			});
		});
		assertThat(this.registry.instances()).isEmpty();
	}

	@Test
	void registersAgainWhenItsRowIsGone() {
		this.contextRunner.withPropertyValues("stepwise.instance-registry.heartbeat-interval=50ms").run((context) -> {
			String id = context.getBean(StepwiseInstanceRegistrar.class).instanceIds().get(0);
			this.registry.deregister(id);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.registry.instances()).extracting(RegisteredInstance::instanceId)
					.containsExactly(id));
		});
	}

	@Test
	void completesADeferredContractInTheBackgroundOnceTheOldInstanceIsGone() throws Exception {
		this.registry.register("old-release", "host-a", MigrationVersion.parse("1"));
		this.contextRunner.withPropertyValues("stepwise.instance-registry.heartbeat-interval=50ms").run((context) -> {
			// The contract was deferred, not failed: the application started, on both columns.
			Stepwise stepwise = context.getBean(Stepwise.class);
			assertThat(stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("3"));
			assertThat(stepwise.expansions()).singleElement().satisfies((expansion) -> {
				assertThat(expansion.state()).isEqualTo(ExpansionState.EXPANDED);
				assertThat(expansion.contractDeferred()).isTrue();
				assertThat(expansion.waitingFor()).extracting(RegisteredInstance::instanceId)
					.containsExactly("old-release");
			});
			assertThat(columnsOfPeople(context.getBean(DataSource.class))).contains("NAME", "FULL_NAME");

			this.registry.deregister("old-release");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(stepwise.expansions()).singleElement()
					.extracting((expansion) -> expansion.state())
					.isEqualTo(ExpansionState.CONTRACTED));
			assertThat(columnsOfPeople(context.getBean(DataSource.class))).contains("FULL_NAME").doesNotContain("NAME");
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForList("SELECT full_name FROM people ORDER BY id", String.class))
				.containsExactly("Ann", "Bob", "Cy");
		});
	}

	@Test
	void backsOffWhenDisabled() throws Exception {
		this.contextRunner.withPropertyValues("stepwise.instance-registry.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(StepwiseInstanceRegistrar.class);
			assertThat(this.registry.instances()).isEmpty();
		});
	}

	@Test
	void backsOffWhenTheUserDefinesOne() {
		this.contextRunner
			.withBean("myRegistrar", StepwiseInstanceRegistrar.class,
					() -> new StepwiseInstanceRegistrar(java.util.Map.of(), Duration.ofSeconds(1)))
			.run((context) -> assertThat(context).hasSingleBean(StepwiseInstanceRegistrar.class).hasBean("myRegistrar"));
	}

	@Test
	void backsOffWithoutAnEngine() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StepwiseInstanceRegistrar.class));
	}

	@Test
	void rejectsANonPositiveHeartbeatInterval() {
		this.contextRunner.withPropertyValues("stepwise.instance-registry.heartbeat-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("heartbeatInterval must be positive, was PT0S"));
	}

	@Test
	void keepsBeatingAfterHeartbeatsFailed() {
		this.contextRunner.withPropertyValues("stepwise.instance-registry.heartbeat-interval=50ms").run((context) -> {
			String id = context.getBean(StepwiseInstanceRegistrar.class).instanceIds().get(0);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			// A view in the registry's place: every heartbeat fails while it is there.
			// A beat that finds no table registers again, which creates it: retry until the view wins.
			await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
				jdbc.execute("DROP TABLE IF EXISTS stepwise_instances");
				jdbc.execute("CREATE VIEW stepwise_instances AS SELECT 'x' AS instance_id FROM DUAL WHERE 1 = 0");
			});
			Thread.sleep(300);
			jdbc.execute("DROP VIEW stepwise_instances");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.registry.instances()).extracting(RegisteredInstance::instanceId)
					.containsExactly(id));
			assertThat(context).hasNotFailed();
		});
	}

	@Test
	void keepsBeatingWhileADeferredContractWaitsForTheRunLock() throws Exception {
		this.registry.register("old-release", "host-a", MigrationVersion.parse("1"));
		this.contextRunner.withPropertyValues("stepwise.instance-registry.heartbeat-interval=100ms").run((context) -> {
			String id = context.getBean(StepwiseInstanceRegistrar.class).instanceIds().get(0);
			assertThat(context.getBean(Stepwise.class).expansions()).singleElement()
				.satisfies((expansion) -> assertThat(expansion.contractDeferred()).isTrue());
			// Another run holds the lock for minutes: each retry of the deferred contract waits for it.
			try (Connection run = h2(this.url).getConnection(); Statement statement = run.createStatement()) {
				run.setAutoCommit(false);
				statement.executeQuery("SELECT ID FROM STEPWISE_HISTORY_LOCK WHERE ID = 1 FOR UPDATE").close();
				Instant first = heartbeatOf(id);
				await().atMost(Duration.ofSeconds(10)).until(() -> heartbeatOf(id).isAfter(first));
				Instant second = heartbeatOf(id);
				await().atMost(Duration.ofSeconds(10)).until(() -> heartbeatOf(id).isAfter(second));
				run.rollback();
			}
		});
	}

	@Test
	void refusesAHeartbeatIntervalAtOrAboveTheStaleness() {
		this.contextRunner
			.withPropertyValues("stepwise.instance-registry.heartbeat-interval=3m", "stepwise.instance-staleness=2m")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("heartbeatInterval must be below instanceStaleness, was PT3M against PT2M")
				.hasMessageContaining("stepwise.instance-registry.heartbeat-interval and stepwise.instance-staleness"));
	}

	@Test
	void refusesToStartCodeOlderThanAContractThatAlreadyDroppedItsColumn() {
		// The new release ran its three migrations and contracted; now the old one (V1 only) starts.
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa",
					"stepwise.locations=classpath:db/expand")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(SchemaMovedOnException.class)
				.hasMessageContaining("(migrations up to version 1) predates contracts that have already dropped")
				.hasMessageContaining("expanded by version 2")
				.hasMessageContaining("the schema has moved on"));
	}

	private Instant heartbeatOf(String id) throws Exception {
		return this.registry.instances()
			.stream()
			.filter((instance) -> instance.instanceId().equals(id))
			.findFirst()
			.orElseThrow()
			.heartbeatAt();
	}

	private static List<String> columnsOfPeople(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_name = 'PEOPLE'", String.class);
	}

	private static DataSource h2(String url) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(url);
		dataSource.setUser("sa");
		return dataSource;
	}

}
