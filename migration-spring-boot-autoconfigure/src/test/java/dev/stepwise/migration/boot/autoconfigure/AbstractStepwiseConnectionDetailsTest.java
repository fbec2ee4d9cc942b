package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stepwise finds its database through a {@link JdbcConnectionDetails} bean, as Testcontainers'
 * {@code @ServiceConnection} and Docker Compose provide it, with or without a DataSource of
 * the application's own. One subclass per database.
 */
abstract class AbstractStepwiseConnectionDetailsTest {

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	@BeforeEach
	void useDatabase(TestDatabase database) {
		this.database = database;
	}

	@AfterEach
	void reset() {
		this.database.reset();
	}

	@Test
	void migratesTheDatabaseOfConnectionDetailsWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class))
			.withBean(JdbcConnectionDetails.class, this::connectionDetails)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Stepwise.class);
				assertMigrated();
			});
	}

	@Test
	void migratesTheDataSourceThatSpringBootBuiltFromConnectionDetails() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class))
			.withBean(JdbcConnectionDetails.class, this::connectionDetails)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Stepwise.class);
				assertMigrated();
			});
	}

	@Test
	void stepwiseUrlWinsOverConnectionDetails() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class))
			.withBean(JdbcConnectionDetails.class, () -> new TestConnectionDetails("jdbc:h2:mem:unused-elsewhere"))
			.withPropertyValues("stepwise.url=" + this.database.url())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertMigrated();
			});
	}

	private JdbcConnectionDetails connectionDetails() {
		return new TestConnectionDetails(this.database.url());
	}

	private void assertMigrated() {
		assertThat(JdbcClient.create(this.database.dataSource())
			.sql("SELECT colour FROM things WHERE id = 1")
			.query(String.class)
			.single()).isEqualTo("red");
	}

	/** What a service connection gives: a URL with the credentials in it, as the tests' URLs carry them. */
	record TestConnectionDetails(String url) implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return this.url;
		}

		@Override
		public @Nullable String getUsername() {
			return null;
		}

		@Override
		public @Nullable String getPassword() {
			return null;
		}

	}

}
