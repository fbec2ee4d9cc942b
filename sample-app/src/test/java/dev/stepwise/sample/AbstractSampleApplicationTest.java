package dev.stepwise.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationVersion;
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
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real HTTP, one subclass per database. Each test that rolls back puts the
 * schema back before it ends, since the database is the class's.
 * <p>
 * Over 400 lines on purpose: the README's walk-through, step by step, over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.user.password=secret", "spring.main.banner-mode=off" })
@AutoConfigureRestTestClient
abstract class AbstractSampleApplicationTest {

	static final String DEMO_USER = "/users/00000000-0000-0000-0000-000000000001";

	/** The rename of users.name to display_name that V5 expands and V6 contracts. */
	static final String CHANGE = "users.display_name";

	static final String OLD_RELEASE = "old-release-pod";

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Stepwise stepwise;

	@Autowired
	DataSource dataSource;

	/** Where the database is, for a second instance of the application. */
	abstract String databaseUrl();

	@Test
	void showsTheHistoryToTheAdmin() {
		getAsAdmin("/actuator/migrations")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.engines.stepwise.currentVersion")
			.isEqualTo("6")
			.jsonPath("$.engines.stepwise.pending")
			.isEqualTo(0)
			.jsonPath("$.engines.stepwise.migrations.length()")
			.isEqualTo(6)
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
			.isNotEmpty()
			.jsonPath("$.engines.stepwise.migrations[4].description")
			.isEqualTo("Expand display name")
			.jsonPath("$.engines.stepwise.migrations[5].undoable")
			.isEqualTo(true);
	}

	@Test
	void showsTheExpansionWithItsBackfillAndTheRegisteredInstances() {
		getAsAdmin("/actuator/migrations")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.engines.stepwise.expansions.length()")
			.isEqualTo(1)
			.jsonPath("$.engines.stepwise.expansions[0].id")
			.isEqualTo(CHANGE)
			.jsonPath("$.engines.stepwise.expansions[0].operation")
			.isEqualTo("RENAME_COLUMN")
			.jsonPath("$.engines.stepwise.expansions[0].oldColumn")
			.value(String.class, (column) -> assertThat(column).isEqualToIgnoringCase("name"))
			.jsonPath("$.engines.stepwise.expansions[0].newColumn")
			.value(String.class, (column) -> assertThat(column).isEqualToIgnoringCase("display_name"))
			.jsonPath("$.engines.stepwise.expansions[0].expandVersion")
			.isEqualTo("5")
			.jsonPath("$.engines.stepwise.expansions[0].state")
			.isEqualTo("CONTRACTED")
			.jsonPath("$.engines.stepwise.expansions[0].contractDeferred")
			.isEqualTo(false)
			.jsonPath("$.engines.stepwise.expansions[0].backfill.done")
			.isEqualTo(true)
			// The demo user, the only row when V5 ran.
			.jsonPath("$.engines.stepwise.expansions[0].backfill.rowsDone")
			.isEqualTo(1)
			.jsonPath("$.engines.stepwise.backfills.length()")
			.isEqualTo(1)
			// This instance, registered by the starter with the highest version its code has.
			.jsonPath("$.engines.stepwise.instances[?(@.maxVersion == '6' && @.live == true)]")
			.exists();
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
		getAsAdmin("/actuator/health")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.migrations.status")
			.isEqualTo("UP")
			.jsonPath("$.components.migrations.details.stepwise.currentVersion")
			.isEqualTo("6")
			.jsonPath("$.components.migrations.details.stepwise.expansionsInFlight.length()")
			.isEqualTo(0);
		metric("stepwise.migrations.applied")
			// Every migration once, and more if another test re-applied some before this one.
			.jsonPath("$.measurements[0].value")
			.value(Double.class, (applied) -> assertThat(applied).isGreaterThanOrEqualTo(6.0));
		metric("stepwise.migrations.pending")
			.jsonPath("$.measurements[0].value")
			.isEqualTo(0.0);
		metric("stepwise.expansions.in.flight")
			.jsonPath("$.measurements[0].value")
			.isEqualTo(0.0);
		metric("stepwise.backfill.rows.done")
			.jsonPath("$.measurements[0].value")
			.isEqualTo(1.0);
	}

	@Test
	void servesTheUsersApiOnTheMigratedSchema() {
		this.client.get().uri(postUser("Ada")).exchange().expectStatus().isOk().expectBody()
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
			.isEqualTo(5)
			.jsonPath("$.plan[0].statements[0]")
			.value(String.class, (step) -> assertThat(step).contains("undo the contract of users.display_name"))
			.jsonPath("$.plan[1].statements[0]")
			.value(String.class, (step) -> assertThat(step).contains("undo the expand of users.display_name"))
			.jsonPath("$.plan[2].type")
			.isEqualTo("JAVA")
			.jsonPath("$.plan[3].script")
			.isEqualTo("U3__add_preferences.sql")
			.jsonPath("$.plan[4].statements[0]")
			.isEqualTo("ALTER TABLE users DROP COLUMN verified")
			.jsonPath("$.rolledBack.length()")
			.isEqualTo(0);
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("6"));
		this.client.get().uri(DEMO_USER).exchange().expectStatus().isOk();
	}

	@Test
	void rollbackSticksAcrossARestartUntilMigrateReappliesIt() throws Exception {
		// Down to version 3: the contract, the expand and the demo user are undone.
		rollback(Map.of("count", 3)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rolledBack[*].version")
			.isEqualTo(List.of("6", "5", "4"))
			.jsonPath("$.targetVersion")
			.isEqualTo("3");
		try {
			assertThat(demoUsers()).isZero();
			assertThat(columnsOfUsers()).contains("name").doesNotContain("display_name");
			getAsAdmin("/actuator/migrations")
				.expectBody()
				.jsonPath("$.engines.stepwise.migrations[3].state")
				.isEqualTo("ROLLED_BACK")
				.jsonPath("$.engines.stepwise.migrations[3].rolledBackOn")
				.isNotEmpty()
				.jsonPath("$.engines.stepwise.expansions.length()")
				.isEqualTo(0);

			// A second instance of the release that had V4 to V6 starts on the same database: it
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
				.jsonPath("$.applied[*].version")
				.isEqualTo(List.of("4", "5", "6"));
		}
		this.client.get().uri(DEMO_USER).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.name").isEqualTo("Demo");
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("6"));
	}

	@Test
	void renamesAColumnInThreeStepsWithAContractThatWaitsForTheOldRelease() throws Exception {
		// Undoing the contract (V6) brings the old column back with its data, synced again.
		rollback(Map.of("count", 1)).expectStatus().isOk().expectBody()
			.jsonPath("$.rolledBack[0].version").isEqualTo("6");
		try {
			assertThat(columnsOfUsers()).contains("name", "display_name");
			assertThat(nameColumnOfDemoUser()).isEqualTo("Demo");

			// An instance of the release before V5 still runs: it reads and writes only "name".
			this.stepwise.instances().register(OLD_RELEASE, "old-host", MigrationVersion.parse("4"));
			String grace = createUser("Grace");
			assertThat(this.jdbc.sql("SELECT name FROM users WHERE id = ?").param(grace).query(String.class).single())
				.isEqualTo("Grace");
			this.jdbc.sql("UPDATE users SET name = 'Grace H' WHERE id = ?").param(grace).update();
			this.client.get().uri("/users/" + grace).exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.name").isEqualTo("Grace H");

			contract().expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.change")
				.isEqualTo(CHANGE)
				.jsonPath("$.contracted")
				.isEqualTo(false)
				.jsonPath("$.deferred")
				.isEqualTo(true)
				.jsonPath("$.waitingFor[0].instanceId")
				.isEqualTo(OLD_RELEASE)
				.jsonPath("$.waitingFor[0].host")
				.isEqualTo("old-host")
				.jsonPath("$.waitingFor[0].maxVersion")
				.isEqualTo("4")
				.jsonPath("$.waitingFor[0].heartbeatAt")
				.isNotEmpty();
			assertThat(columnsOfUsers()).contains("name", "display_name");
			getAsAdmin("/actuator/migrations")
				.expectBody()
				.jsonPath("$.engines.stepwise.expansions[0].state")
				.isEqualTo("EXPANDED")
				.jsonPath("$.engines.stepwise.expansions[0].contractDeferred")
				.isEqualTo(true)
				.jsonPath("$.engines.stepwise.expansions[0].waitingFor[0].instanceId")
				.isEqualTo(OLD_RELEASE);
			getAsAdmin("/actuator/health")
				.expectBody()
				.jsonPath("$.components.migrations.status")
				.isEqualTo("UP")
				.jsonPath("$.components.migrations.details.stepwise.deferredContracts[0].id")
				.isEqualTo(CHANGE);

			// The old release is gone: the contract runs (or already ran, in the background).
			this.stepwise.instances().deregister(OLD_RELEASE);
			contract().expectStatus().isOk().expectBody().jsonPath("$.contracted").isEqualTo(true);
			assertThat(columnsOfUsers()).contains("display_name").doesNotContain("name");
			this.client.get().uri("/users/" + grace).exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.name").isEqualTo("Grace H");
			this.client.get().uri(DEMO_USER).exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.name").isEqualTo("Demo");
			createUser("Hopper");
		}
		finally {
			this.stepwise.instances().deregister(OLD_RELEASE);
			// V6 is still marked rolled back; applying it again finds its change contracted already.
			migrate(Map.of()).expectStatus().isOk().expectBody().jsonPath("$.applied[0].version").isEqualTo("6");
		}
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("6"));
		assertThat(this.stepwise.expansions()).singleElement()
			.satisfies((expansion) -> assertThat(expansion.state()).isEqualTo(ExpansionState.CONTRACTED));
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
		post("/actuator/migrations/contract", Map.of("change", "users.nickname")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value(String.class, (message) -> assertThat(message).contains("Unknown change 'users.nickname'")
				.contains(CHANGE));
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("6"));
	}

	@Test
	void repairListsWhatItWouldChangeAndRefusesAMarkWithoutAFailedRollback() {
		post("/actuator/migrations/repair", Map.of("dryRun", true)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.dryRun")
			.isEqualTo(true)
			.jsonPath("$.actions.length()")
			.isEqualTo(0)
			.jsonPath("$.unresolved.length()")
			.isEqualTo(0);
		post("/actuator/migrations/repair", Map.of("markRolledBack", "6")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value(String.class, (message) -> assertThat(message).contains("Cannot mark version 6 rolled back: it is APPLIED"));
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("6"));
	}

	@Test
	void refusesAMisspelledOrMistypedKeyWithA400AndRollsNothingBack() throws SQLException {
		List<String> columnsBefore = columnsOfUsers();
		List<Map<String, Object>> bodies = List.of(Map.of("count", 1, "dryrun", true), Map.of("count", 1, "dry_run", true),
				Map.of("count", 1, "dryRun", ""), Map.of("count", "x"), Map.of("count", 1, "dryRun", "yes"));
		List<String> keys = List.of("dryrun", "dry_run", "dryRun", "count", "dryRun");
		for (int i = 0; i < bodies.size(); i++) {
			String key = keys.get(i);
			rollback(bodies.get(i)).expectStatus().isBadRequest().expectBody()
				.jsonPath("$.status").isEqualTo(400)
				.jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("\"" + key + "\"")
					.contains("nothing was changed"));
		}
		// The same rule for every write operation, from the parameters each one declares.
		post("/actuator/migrations/contract", Map.of("change", CHANGE, "dryrun", true)).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("\"dryrun\""));
		this.client.post()
			.uri("/actuator/migrations/rollback?dryrun=true")
			.headers(AbstractSampleApplicationTest::admin)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("count", 1))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("6"));
		assertThat(this.stepwise.info().migrations()).allSatisfy((migration) -> {
			assertThat(migration.state()).isEqualTo(MigrationState.APPLIED);
			assertThat(migration.rolledBackOn()).isNull();
		});
		assertThat(columnsOfUsers()).containsExactlyInAnyOrderElementsOf(columnsBefore);
	}

	@Test
	void refusesABodyOrQueryKeyThatWouldReplaceTheOperationOfThePath() throws SQLException {
		List<String> columnsBefore = columnsOfUsers();
		// Actuator lets a body or query key replace the path's {operation}: this migrate would have rolled back.
		migrate(Map.of("operation", "rollback", "count", 1)).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("\"operation\"")
				.contains("/actuator/migrations/migrate").contains("nothing was changed"));
		post("/actuator/migrations/migrate?operation=rollback", Map.of("count", 1)).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.message").value(String.class, (message) -> assertThat(message)
				.contains("\"operation\"").contains("query").contains("nothing was changed"));
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("6"));
		assertThat(this.stepwise.info().migrations()).allSatisfy((migration) -> {
			assertThat(migration.state()).isEqualTo(MigrationState.APPLIED);
			assertThat(migration.rolledBackOn()).isNull();
		});
		assertThat(columnsOfUsers()).containsExactlyInAnyOrderElementsOf(columnsBefore);
	}

	@Test
	void answersMalformedOrOversizedBodiesWithAMessage() {
		postRaw("/actuator/migrations/rollback", "{\"count\": 1,").expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("not valid JSON")
				.contains("nothing was changed"));
		postRaw("/actuator/migrations/rollback", "[1]").expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("JSON object"));
		postRaw("/actuator/migrations/rollback", "{\"count\": {\"n\": 1}}").expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("\"count\""));
		String huge = "x".repeat(20 * 1024);
		postRaw("/actuator/migrations/rollback", "{\"target\": \"" + huge + "\"}").expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.message").value(String.class, (message) -> assertThat(message).contains("16384"));
		// An input echoed in a message is cut, whatever its length.
		String long1 = "9".repeat(5000);
		rollback(Map.of("target", long1)).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message).hasSizeLessThan(1000)
				.doesNotContain(long1));
		rollback(Map.of("count", 1, "dryRun", long1)).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message).hasSizeLessThan(1000));
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("6"));
	}

	@Test
	void refusesAUserWithoutEmailOrNameWithA400NamingTheField() {
		postUserBody("{}").expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(400)
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("email").contains("name"))
			.jsonPath("$.fields.email").exists()
			.jsonPath("$.fields.name").exists();
		postUserBody("{\"email\": \"ada@example.com\", \"name\": \"  \"}").expectStatus().isBadRequest().expectBody()
			.jsonPath("$.fields.name").exists()
			.jsonPath("$.fields.email").doesNotExist();
		postUserBody("{\"email\": \"not-an-address\", \"name\": \"Ada\"}").expectStatus().isBadRequest().expectBody()
			.jsonPath("$.fields.email").exists();
		postUserBody("{\"email\": ").expectStatus().isBadRequest().expectBody()
			.jsonPath("$.status").isEqualTo(400)
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("JSON"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = 'ada@example.com'").query(Integer.class).single())
			.isZero();
	}

	private ResponseSpec postUserBody(String json) {
		return this.client.post().uri("/users").contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

	private ResponseSpec postRaw(String uri, String json) {
		return this.client.post()
			.uri(uri)
			.headers(AbstractSampleApplicationTest::admin)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

	private ResponseSpec rollback(Map<String, Object> body) {
		return post("/actuator/migrations/rollback", body);
	}

	private ResponseSpec contract() {
		return post("/actuator/migrations/contract", Map.of("change", CHANGE));
	}

	private ResponseSpec migrate(Map<String, Object> body) {
		return post("/actuator/migrations/migrate", body);
	}

	private ResponseSpec post(String uri, Map<String, Object> body) {
		return this.client.post()
			.uri(uri)
			.headers(AbstractSampleApplicationTest::admin)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private ResponseSpec getAsAdmin(String uri) {
		return this.client.get().uri(uri).headers(AbstractSampleApplicationTest::admin).exchange();
	}

	private BodyContentSpec metric(String name) {
		return getAsAdmin("/actuator/metrics/" + name).expectStatus().isOk().expectBody();
	}

	private static void admin(HttpHeaders headers) {
		headers.setBasicAuth("admin", "secret");
	}

	/** Creates a user and returns its id. */
	private String createUser(String name) {
		String location = postUser(name);
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** Creates a user and returns the Location the API answered with. */
	private String postUser(String name) {
		return this.client.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", name.toLowerCase(Locale.ROOT) + "-" + System.nanoTime() + "@example.com", "name", name))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
	}

	/** The columns of the users table from the catalogue, in lower case whatever case the database keeps. */
	private List<String> columnsOfUsers() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			List<String> columns = new ArrayList<>();
			try (ResultSet rows = connection.getMetaData()
				.getColumns(connection.getCatalog(), connection.getSchema(), null, null)) {
				while (rows.next()) {
					if (rows.getString("TABLE_NAME").equalsIgnoreCase("users")) {
						columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
			return columns;
		}
	}

	private String nameColumnOfDemoUser() {
		return this.jdbc.sql("SELECT name FROM users WHERE email = 'demo@example.com'").query(String.class).single();
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
