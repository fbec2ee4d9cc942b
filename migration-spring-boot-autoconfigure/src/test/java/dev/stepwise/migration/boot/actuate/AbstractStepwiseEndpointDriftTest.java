package dev.stepwise.migration.boot.actuate;

import javax.sql.DataSource;

import dev.stepwise.migration.boot.actuate.MigrationDescriptors.DriftDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.MigrationsDescriptor;
import dev.stepwise.migration.boot.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.migration.boot.autoconfigure.StepwiseEndpointAutoConfiguration;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code drift} section of {@code GET /actuator/migrations}, asked for with
 * {@code stepwise.drift-check=true}: none on a database only the migrations touched, a
 * hand-made index reported; no section at all unless asked.
 */
abstract class AbstractStepwiseEndpointDriftTest {

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
			.withBean("dataSource", DataSource.class, () -> new DelegatingDataSource(this.database.dataSource()))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations");
	}

	@Test
	void driftIsReportedOnlyWhenAskedAndNamesAHandMadeIndex() {
		this.database.reset();
		contextRunner().run((context) -> assertThat(context.getBean(StepwiseEndpoint.class).migrations().drift())
			.as("no drift section unless stepwise.drift-check=true")
			.isNull());
		contextRunner().withPropertyValues("stepwise.drift-check=true").run((context) -> {
			MigrationsDescriptor clean = context.getBean(StepwiseEndpoint.class).migrations();
			assertThat(clean.drift()).containsEntry("stepwise", new DriftDescriptor(false, java.util.List.of(), null));

			new JdbcTemplate(this.database.dataSource()).execute("CREATE INDEX things_colour_idx ON things (colour)");
			DriftDescriptor drift = context.getBean(StepwiseEndpoint.class).migrations().drift().get("stepwise");
			assertThat(drift.drift()).as(drift.toString()).isTrue();
			assertThat(drift.differences()).singleElement()
				.asString()
				.startsWith("+ index ")
				.containsIgnoringCase("things_colour_idx");
		});
	}

}
