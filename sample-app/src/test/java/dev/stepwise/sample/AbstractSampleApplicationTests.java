package dev.stepwise.sample;

import java.util.Map;

import dev.stepwise.migration.MigrationState;
import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.version.MigrationVersion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real HTTP, one subclass per database. Each test that rolls back puts the
 * schema back before it ends, since the database is the class's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.user.password=secret", "spring.main.banner-mode=off" })
@AutoConfigureRestTestClient
abstract class AbstractSampleApplicationTests {

	static final String DEMO_USER = "/users/00000000-0000-0000-0000-000000000001";

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Stepwise stepwise;

	/** Where the database is, for a second instance of the application. */
	abstract String databaseUrl();

	@Test
	void showsTheHistoryToTheAdmin() {
		this.client.get().uri("/actuator/migrations").headers(AbstractSampleApplicationTests::admin).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.engines.stepwise.currentVersion")
			.isEqualTo("4")
			.jsonPath("$.engines.stepwise.pending")
			.isEqualTo(0)
			.jsonPath("$.engines.stepwise.migrations.length()")
			.isEqualTo(4)
			.jsonPath("$.engines.stepwise.migrations[0].description")
			.isEqualTo("create users")
			.jsonPath("$.engines.stepwise.migrations[2].script")
			.isEqualTo("V3__add_preferences.sql")
			.jsonPath("$.engines.stepwise.migrations[3].type")
			.isEqualTo("JAVA")
			.jsonPath("$.engines.stepwise.migrations[3].state")
			.isEqualTo("APPLIED")
			.jsonPath("$.engines.stepwise.migrations[3].undoable")
			.isEqualTo(true)
			.jsonPath("$.engines.stepwise.migrations[3].installedOn")
			.isNotEmpty();
	}

	@Test
	void asksForCredentialsExceptForHealth() {
		this.client.get().uri("/actuator/migrations").exchange().expectStatus().isUnauthorized();
		this.client.post()
			.uri("/actuator/migrations/rollback")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("count", 1))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/actuator/migrations")
			.headers((headers) -> headers.setBasicAuth("admin", "wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void reportsMigrationsInHealthAndMetrics() {
		this.client.get().uri("/actuator/health").headers(AbstractSampleApplicationTests::admin).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.migrations.status")
			.isEqualTo("UP")
			.jsonPath("$.components.migrations.details.stepwise.currentVersion")
			.isEqualTo("4");
		this.client.get()
			.uri("/actuator/metrics/stepwise.migrations.applied")
			.headers(AbstractSampleApplicationTests::admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.isEqualTo(4.0);
		this.client.get()
			.uri("/actuator/metrics/stepwise.migrations.pending")
			.headers(AbstractSampleApplicationTests::admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.isEqualTo(0.0);
	}

	@Test
	void servesTheUsersApiOnTheMigratedSchema() {
		String location = this.client.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "ada-" + System.nanoTime() + "@example.com", "name", "Ada"))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		this.client.get().uri(location).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.name").isEqualTo("Ada")
			.jsonPath("$.verified").isEqualTo(false);
		this.client.get().uri(DEMO_USER).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.preferences.theme").isEqualTo("dark");
		this.client.get().uri("/users").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.name == 'Ada')]").exists();
		this.client.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "demo@example.com", "name", "Copy"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void dryRunReturnsThePlanAndChangesNothing() {
		rollback(Map.of("target", "1", "dryRun", true)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.dryRun")
			.isEqualTo(true)
			.jsonPath("$.plan.length()")
			.isEqualTo(3)
			.jsonPath("$.plan[0].type")
			.isEqualTo("JAVA")
			.jsonPath("$.plan[1].script")
			.isEqualTo("U3__add_preferences.sql")
			.jsonPath("$.plan[2].statements[0]")
			.isEqualTo("ALTER TABLE users DROP COLUMN verified")
			.jsonPath("$.rolledBack.length()")
			.isEqualTo(0);
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("4"));
		this.client.get().uri(DEMO_USER).exchange().expectStatus().isOk();
	}

	@Test
	void rollbackSticksAcrossARestartUntilMigrateReappliesIt() {
		rollback(Map.of("count", 1)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rolledBack[0].version")
			.isEqualTo("4")
			.jsonPath("$.targetVersion")
			.isEqualTo("3");
		try {
			this.client.get().uri(DEMO_USER).exchange().expectStatus().isNotFound();
			this.client.get().uri("/actuator/migrations").headers(AbstractSampleApplicationTests::admin).exchange()
				.expectBody()
				.jsonPath("$.engines.stepwise.migrations[3].state")
				.isEqualTo("ROLLED_BACK")
				.jsonPath("$.engines.stepwise.migrations[3].rolledBackOn")
				.isNotEmpty();

			// A second instance of the release that had V4 starts on the same database: it
			// leaves the operator's rollback alone.
			try (ConfigurableApplicationContext restarted = restart()) {
				Stepwise restartedEngine = restarted.getBean(Stepwise.class);
				assertThat(restartedEngine.info().currentVersion()).isEqualTo(MigrationVersion.parse("3"));
				assertThat(restartedEngine.info().migrations().get(3).state()).isEqualTo(MigrationState.ROLLED_BACK);
				assertThat(demoUsers()).isZero();
			}
		}
		finally {
			migrate(Map.of()).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.applied[0].version")
				.isEqualTo("4");
		}
		this.client.get().uri(DEMO_USER).exchange().expectStatus().isOk();
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("4"));
	}

	@Test
	void rejectsBadInputWithA400() {
		rollback(Map.of("count", -1)).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("at least 1"));
		rollback(Map.of()).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("Say what to roll back"));
		rollback(Map.of("target", "9")).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("Unknown version '9'"));
		rollback(Map.of("target", "1", "count", 2)).expectStatus().isBadRequest();
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("4"));
	}

	private ResponseSpec rollback(Map<String, Object> body) {
		return post("/actuator/migrations/rollback", body);
	}

	private ResponseSpec migrate(Map<String, Object> body) {
		return post("/actuator/migrations/migrate", body);
	}

	private ResponseSpec post(String uri, Map<String, Object> body) {
		return this.client.post()
			.uri(uri)
			.headers(AbstractSampleApplicationTests::admin)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private static void admin(HttpHeaders headers) {
		headers.setBasicAuth("admin", "secret");
	}

	private int demoUsers() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = 'demo@example.com'").query(Integer.class).single();
	}

	private ConfigurableApplicationContext restart() {
		return new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + databaseUrl(), "--spring.security.user.password=secret",
				"--spring.main.banner-mode=off");
	}

}
