package dev.stepwise.migration.boot.actuate;

import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.stepwise.migration.boot.actuate.MigrationDescriptors.EngineDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.MigrateDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.MigrationDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.RollbackDescriptor;
import dev.stepwise.migration.boot.actuate.StepwiseEndpoint.ErrorDescriptor;
import dev.stepwise.migration.boot.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.migration.boot.autoconfigure.StepwiseEndpointAutoConfiguration;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrations} endpoint on a real database, one subclass per database. Each test
 * that changes the schema puts it back before it ends, since the database is the class's.
 */
abstract class AbstractStepwiseEndpointIntegrationTest {

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	@BeforeEach
	void useDatabase(TestDatabase database) {
		this.database = database;
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(StepwiseAutoConfiguration.class, StepwiseEndpointAutoConfiguration.class))
			// A delegate, so that closing the context leaves the class's pool open for the next test.
			.withBean("dataSource", DataSource.class, () -> new DelegatingDataSource(this.database.dataSource()))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "stepwise.rollback.enabled=true");
	}

	private void run(Consumer<AssertableApplicationContext> test) {
		contextRunner().run(test::accept);
	}

	@Test
	void describesEveryMigration() {
		run((context) -> {
			EngineDescriptor engine = context.getBean(StepwiseEndpoint.class).migrations().engines().get("stepwise");
			assertThat(engine.currentVersion()).isEqualTo("2");
			assertThat(engine.pending()).isZero();
			assertThat(engine.migrations()).extracting(MigrationDescriptor::version).containsExactly("1", "2");
			MigrationDescriptor second = engine.migrations().get(1);
			assertThat(second.description()).isEqualTo("add colour");
			assertThat(second.type()).isEqualTo("SQL");
			assertThat(second.script()).endsWith("V2__add_colour.sql");
			assertThat(second.checksum()).isNotNull();
			assertThat(second.state()).isEqualTo("APPLIED");
			assertThat(second.installedRank()).isEqualTo(2);
			assertThat(second.installedBy()).isNotNull();
			assertThat(second.installedOn()).isNotNull();
			assertThat(second.executionTimeMillis()).isNotNull();
			assertThat(second.undoable()).isTrue();
			assertThat(second.rolledBackBy()).isNull();
		});
	}

	@Test
	void dryRunOfARollbackReturnsThePlanAndChangesNothing() {
		run((context) -> {
			WebEndpointResponse<Object> response = endpoint(context).operate("rollback", "0", null, true, null, null, null, null);
			assertThat(response.getStatus()).isEqualTo(200);
			RollbackDescriptor result = (RollbackDescriptor) response.getBody();
			assertThat(result.dryRun()).isTrue();
			assertThat(result.plan()).extracting((step) -> step.script())
				.satisfiesExactly((script) -> assertThat(script).endsWith("U2__add_colour.sql"),
						(script) -> assertThat(script).endsWith("U1__create_things.sql"));
			assertThat(result.rolledBack()).isEmpty();
			assertThat(colourOfKettle(context)).isEqualTo("red");
			assertThat(endpoint(context).migrations().engines().get("stepwise").currentVersion()).isEqualTo("2");
		});
	}

	@Test
	void rollsBackByCountAndMigrateReappliesIt() {
		run((context) -> {
			RollbackDescriptor rollback = (RollbackDescriptor) endpoint(context)
				.operate("rollback", null, 1, null, null, null, null, null)
				.getBody();
			assertThat(rollback.rolledBack()).extracting((executed) -> executed.version()).containsExactly("2");
			assertThat(rollback.targetVersion()).isEqualTo("1");
			EngineDescriptor engine = endpoint(context).migrations().engines().get("stepwise");
			assertThat(engine.currentVersion()).isEqualTo("1");
			MigrationDescriptor second = engine.migrations().get(1);
			assertThat(second.state()).isEqualTo("ROLLED_BACK");
			assertThat(second.rolledBackOn()).isNotNull();
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForObject("SELECT COUNT(*) FROM things", Integer.class)).isZero();

			MigrateDescriptor migrate = (MigrateDescriptor) endpoint(context)
				.operate("migrate", null, null, null, null, null, null, null)
				.getBody();
			assertThat(migrate.applied()).extracting((executed) -> executed.version()).containsExactly("2");
			assertThat(colourOfKettle(context)).isEqualTo("red");
		});
	}

	@Test
	void rollsBackToATargetVersion() {
		run((context) -> {
			RollbackDescriptor rollback = (RollbackDescriptor) endpoint(context)
				.operate("rollback", "1", null, false, null, null, null, null)
				.getBody();
			assertThat(rollback.rolledBack()).extracting((executed) -> executed.version()).containsExactly("2");
			endpoint(context).operate("migrate", null, null, null, null, null, null, null);
			assertThat(colourOfKettle(context)).isEqualTo("red");
		});
	}

	@Test
	void rejectsBadInputWithA400AndAMessage() {
		run((context) -> {
			assertBadRequest(endpoint(context).operate("rollback", "1", 1, null, null, null, null, null),
					"either \"target\" or \"count\"");
			assertBadRequest(endpoint(context).operate("rollback", null, null, null, null, null, null, null), "Say what to roll back");
			assertBadRequest(endpoint(context).operate("rollback", null, -1, null, null, null, null, null), "at least 1, got -1");
			assertBadRequest(endpoint(context).operate("rollback", "7", null, null, null, null, null, null), "Unknown version '7'");
			assertBadRequest(endpoint(context).operate("rollback", "v2", null, null, null, null, null, null),
					"Invalid migration version");
			assertBadRequest(endpoint(context).operate("migrate", "1", null, null, null, null, null, null), "takes only \"dryRun\"");
			assertBadRequest(endpoint(context).operate("drop", null, null, null, null, null, null, null), "Unknown operation 'drop'");
			assertBadRequest(endpoint(context).operate("rollback", null, 1, null, null, "other", null, null), "No engine named 'other'");
			assertBadRequest(endpoint(context).operate("rollback", null, 1, null, "things.colour", null, null, null),
					"rollback does not take \"change\"");
			assertBadRequest(endpoint(context).operate("contract", null, null, null, null, null, null, null), "Say what to contract");
			assertBadRequest(endpoint(context).operate("contract", null, null, null, "things.hue", null, null, null),
					"Unknown change 'things.hue': nothing was expanded");
			assertBadRequest(endpoint(context).operate("contract", "1", null, null, "things.hue", null, null, null),
					"contract takes only \"change\"");
			assertThat(colourOfKettle(context)).isEqualTo("red");
		});
	}

	@Test
	void refusesWritesUnlessEnabled() {
		contextRunner().withPropertyValues("stepwise.rollback.enabled=false").run((context) -> {
			WebEndpointResponse<Object> response = endpoint(context).operate("rollback", null, 1, null, null, null, null, null);
			assertThat(response.getStatus()).isEqualTo(403);
			assertThat(((ErrorDescriptor) response.getBody()).message()).contains("stepwise.rollback.enabled=true");
			assertThat(colourOfKettle(context)).isEqualTo("red");
		});
	}

	private static StepwiseEndpoint endpoint(AssertableApplicationContext context) {
		return context.getBean(StepwiseEndpoint.class);
	}

	private static String colourOfKettle(AssertableApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class))
			.queryForObject("SELECT colour FROM things WHERE id = 1", String.class);
	}

	private static void assertBadRequest(WebEndpointResponse<Object> response, String message) {
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(((ErrorDescriptor) response.getBody()).message()).contains(message);
	}

}
