package dev.stepwise.migration.boot.autoconfigure;

import java.util.UUID;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application does with the migrations at start-up ({@code stepwise.startup}), and
 * the settings a team moving from Flyway reaches for ({@code stepwise.user} without a URL),
 * on an embedded H2 database shared by the contexts of one test.
 */
class StepwiseStartupTest {

	private final String database = "startup_" + UUID.randomUUID().toString().replace("-", "");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				StepwiseAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + this.database + ";DB_CLOSE_DELAY=-1");

	@Test
	void validateRefusesToStartWhileMigrationsArePending() {
		this.contextRunner.withPropertyValues("stepwise.startup=validate")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("2 migration(s) pending")
				.hasMessageContaining("V1__create_things.sql")
				.hasMessageContaining("stepwise.startup=migrate"));
		this.contextRunner.withPropertyValues("stepwise.startup=none")
			.run((context) -> assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'THINGS'",
						Integer.class))
				.isZero());
	}

	@Test
	void validateStartsOnADatabaseThatAJobMigrated() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());

		this.contextRunner.withPropertyValues("stepwise.startup=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void validateWithATargetStartsOnADatabaseMigratedUpToIt() {
		this.contextRunner.withPropertyValues("stepwise.target=1").run((context) -> assertThat(context).hasNotFailed());

		// V2 is above the target: the job that migrated to 1 left nothing pending for this release.
		this.contextRunner.withPropertyValues("stepwise.startup=validate", "stepwise.target=1")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("stepwise.startup=validate")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("1 migration(s) pending (V2__"));
	}

	@Test
	void noneLeavesTheDatabaseAlone() {
		this.contextRunner.withPropertyValues("stepwise.startup=none").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Stepwise.class).info().migrations()).extracting(MigrationInfo::state)
				.containsOnly(MigrationState.PENDING);
		});
	}

	@Test
	void targetAndInitSqlsReachTheEngine() {
		// The marker lives outside the migrated schema: a table in it would make a first run refuse
		// the schema as one that others built.
		this.contextRunner
			.withPropertyValues("stepwise.target=1", "stepwise.init-sqls=CREATE SCHEMA IF NOT EXISTS init_check,"
					+ "CREATE TABLE IF NOT EXISTS init_check.init_marker (id INT)")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Stepwise.class).info().migrations()).extracting(MigrationInfo::state)
					.containsExactly(MigrationState.APPLIED, MigrationState.ABOVE_TARGET);
				assertThat(context.getBean(JdbcTemplate.class)
					.queryForObject("SELECT COUNT(*) FROM init_check.init_marker", Integer.class)).isZero();
			});
	}

	@Test
	void groupMixedAndSchemasReachTheEngine() {
		// H2 commits DDL by itself: a group of these migrations could not be rolled back as one.
		this.contextRunner.withPropertyValues("stepwise.group=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("V1__create_things.sql has a statement that commits by itself on H2")
				.hasMessageContaining("stepwise.group=false"));
		this.contextRunner.withPropertyValues("stepwise.mixed=true", "stepwise.schemas=app,audit")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				StepwiseConfiguration configuration = context.getBean(Stepwise.class).configuration();
				assertThat(configuration.mixed()).isTrue();
				assertThat(configuration.schemas()).containsExactly("app", "audit");
				assertThat(configuration.defaultSchema()).isEqualTo("app");
				assertThat(context.getBean(JdbcTemplate.class)
					.queryForList("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME IN ('app', 'audit')"
							+ " ORDER BY SCHEMA_NAME", String.class)).containsExactly("app", "audit");
				assertThat(context.getBean(JdbcTemplate.class)
					.queryForObject("SELECT COUNT(*) FROM \"app\".stepwise_history", Integer.class)).isEqualTo(2);
			});
	}

	@Test
	void userAndPasswordWithoutUrlMigrateTheApplicationsDatabaseAsThatUser() {
		this.contextRunner.withPropertyValues("stepwise.user=ddl", "stepwise.password=ddl-secret")
			.withInitializer((context) -> new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
					"jdbc:h2:mem:" + this.database + ";DB_CLOSE_DELAY=-1", "sa", ""))
				.execute("CREATE USER IF NOT EXISTS ddl PASSWORD 'ddl-secret' ADMIN"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JdbcTemplate.class)
					.queryForList("SELECT DISTINCT installed_by FROM stepwise_history", String.class))
					.containsExactly("DDL");
			});
	}

	@Test
	void aWrongPasswordWithoutUrlIsUsedAndNeverShown() {
		this.contextRunner.withPropertyValues("stepwise.user=sa", "stepwise.password=not-the-password")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Could not connect to the database to migrate it")
				.hasStackTraceContaining("stepwise.url/user/password")
				.satisfies((failure) -> assertThat(stackTrace(failure)).doesNotContain("not-the-password")));
	}

	private static String stackTrace(Throwable failure) {
		java.io.StringWriter text = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(text));
		return text.toString();
	}

}
