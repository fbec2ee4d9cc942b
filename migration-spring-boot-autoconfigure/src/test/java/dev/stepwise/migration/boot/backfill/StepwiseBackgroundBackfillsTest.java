package dev.stepwise.migration.boot.backfill;

import java.time.Duration;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.boot.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.migration.expand.ColumnChange;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An expand whose backfill is left to the background finishes after start-up, on H2.
 */
class StepwiseBackgroundBackfillsTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class))
		.withBean(V2__Expand_full_name.class)
		.withPropertyValues("spring.datasource.generate-unique-name=true", "stepwise.locations=classpath:db/expand",
				"stepwise.instance-registry.enabled=false");

	@Test
	void finishesTheBackfillAfterStartUp() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(StepwiseBackgroundBackfills.class);
			Stepwise stepwise = context.getBean(Stepwise.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(stepwise.expansions()).singleElement()
					.satisfies((expansion) -> assertThat(backfillDone(expansion)).isTrue()));
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForList("SELECT full_name FROM people ORDER BY id", String.class))
				.containsExactly("Ann", "Bob", "Cy");
		});
	}

	@Test
	void leavesTheBackfillAloneWhenDisabled() {
		this.contextRunner.withPropertyValues("stepwise.background-backfills.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(StepwiseBackgroundBackfills.class);
			assertThat(context.getBean(Stepwise.class).expansions()).singleElement()
				.satisfies((expansion) -> assertThat(backfillDone(expansion)).isFalse());
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForList("SELECT full_name FROM people WHERE full_name IS NOT NULL", String.class)).isEmpty();
		});
	}

	@Test
	void rejectsANonPositiveCheckInterval() {
		this.contextRunner.withPropertyValues("stepwise.background-backfills.check-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("stepwise.background-backfills.check-interval must be positive"));
	}

	private static boolean backfillDone(Expansion expansion) {
		return expansion.backfill() != null && expansion.backfill().done();
	}

	static class V2__Expand_full_name extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.expand(ColumnChange.renameColumn("people", "name", "full_name").backfillInBackground());
		}

	}

}
