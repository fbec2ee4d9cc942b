package dev.stepwise.migration.boot.actuate;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.stepwise.migration.boot.actuate.MigrationDescriptors.MigrationDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.RepairActionDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.RepairDescriptor;
import dev.stepwise.migration.boot.actuate.StepwiseEndpoint.ErrorDescriptor;
import dev.stepwise.migration.boot.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.migration.boot.autoconfigure.StepwiseEndpointAutoConfiguration;
import dev.stepwise.migration.boot.autoconfigure.StepwiseHealthAutoConfiguration;
import dev.stepwise.migration.boot.health.StepwiseHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollback that fails halfway, as the endpoint and health show it, and {@code POST
 * /actuator/migrations/repair} settling it. On H2, whose DDL commits by itself like MySQL's;
 * the engine's side runs on every database in the core's {@code RollbackSafety*Test}.
 */
class StepwiseEndpointRepairTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class,
				StepwiseEndpointAutoConfiguration.class, StepwiseHealthAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "stepwise.locations=classpath:db/broken-undo",
				"management.endpoints.web.exposure.include=migrations", "stepwise.rollback.enabled=true");

	@Test
	void aHalfUndoneMigrationShowsInTheEndpointAndHealthAndRepairSettlesIt() {
		this.contextRunner.run((context) -> {
			WebEndpointResponse<Object> rollback = endpoint(context).operate("rollback", null, 1, null, null, null, null,
					null);
			assertThat(rollback.getStatus()).isEqualTo(500);
			assertThat(message(rollback)).contains("ROLLBACK_FAILED")
				.contains("{\"markRolledBack\": \"2\"}")
				.contains("{\"markApplied\": \"2\"}");
			assertThat(stateOfVersion2(context)).isEqualTo("ROLLBACK_FAILED");
			Health down = health(context);
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(details(down).get("failed")).asList()
				.singleElement()
				.isEqualTo(Map.of("version", "2", "description", "two tables", "script", "V2__two_tables.sql", "state",
						"ROLLBACK_FAILED"));

			// The dry run lists what would change and changes nothing.
			WebEndpointResponse<Object> dryRun = endpoint(context).operate("repair", null, null, true, null, null, "2",
					null);
			assertThat(dryRun.getStatus()).isEqualTo(200);
			RepairDescriptor planned = (RepairDescriptor) dryRun.getBody();
			assertThat(planned.dryRun()).isTrue();
			assertThat(planned.actions()).extracting(RepairActionDescriptor::action, RepairActionDescriptor::version)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("MARK_ROLLED_BACK", "2"));
			assertThat(stateOfVersion2(context)).isEqualTo("ROLLBACK_FAILED");

			// Without a mark, repair says what it needs.
			RepairDescriptor plain = (RepairDescriptor) endpoint(context)
				.operate("repair", null, null, null, null, null, null, null)
				.getBody();
			assertThat(plain.actions()).isEmpty();
			assertThat(plain.unresolved()).singleElement().asString().contains("markRolledBack(\"2\")");

			// The person finishes the undo, then marks it.
			new JdbcTemplate(context.getBean(DataSource.class)).execute("DROP TABLE t2");
			RepairDescriptor repaired = (RepairDescriptor) endpoint(context)
				.operate("repair", null, null, null, null, null, "2", null)
				.getBody();
			assertThat(repaired.dryRun()).isFalse();
			assertThat(repaired.actions()).extracting(RepairActionDescriptor::action).containsExactly("MARK_ROLLED_BACK");
			assertThat(stateOfVersion2(context)).isEqualTo("ROLLED_BACK");
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void repairRejectsBadInputWithA400() {
		this.contextRunner.run((context) -> {
			assertBadRequest(endpoint(context).operate("repair", null, null, null, null, null, "2", null),
					"Cannot mark version 2 rolled back: it is APPLIED");
			assertBadRequest(endpoint(context).operate("repair", null, null, null, null, null, "2", "2"),
					"both rolled back and applied");
			assertBadRequest(endpoint(context).operate("repair", "1", null, null, null, null, null, null),
					"repair takes only");
			assertBadRequest(endpoint(context).operate("rollback", null, 1, null, null, null, "2", null),
					"rollback does not take \"markRolledBack\"");
			assertThat(stateOfVersion2(context)).isEqualTo("APPLIED");
		});
	}

	@Test
	void repairIsRefusedUnlessWritesAreEnabled() {
		this.contextRunner.withPropertyValues("stepwise.rollback.enabled=false").run((context) -> {
			WebEndpointResponse<Object> response = endpoint(context).operate("repair", null, null, true, null, null,
					null, null);
			assertThat(response.getStatus()).isEqualTo(403);
			assertThat(message(response)).contains("repair").contains("stepwise.rollback.enabled=true");
		});
	}

	private static StepwiseEndpoint endpoint(AssertableApplicationContext context) {
		return context.getBean(StepwiseEndpoint.class);
	}

	private static String stateOfVersion2(AssertableApplicationContext context) {
		List<MigrationDescriptor> migrations = endpoint(context).migrations().engines().get("stepwise").migrations();
		return migrations.get(1).state();
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean(StepwiseHealthIndicator.class).health();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Health health) {
		return (Map<String, Object>) health.getDetails().get("stepwise");
	}

	private static String message(WebEndpointResponse<Object> response) {
		return ((ErrorDescriptor) response.getBody()).message();
	}

	private static void assertBadRequest(WebEndpointResponse<Object> response, String message) {
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(message(response)).contains(message);
	}

}
