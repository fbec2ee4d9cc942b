package dev.stepwise.migration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.java.BaseJavaMigration;
import dev.stepwise.migration.java.MigrationContext;
import dev.stepwise.migration.testsupport.JavaMigrationCompiler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code stepwise} jar, launched as a process, on one database: every command, its
 * JSON, its exit codes and its errors. One thin subclass per database.
 * <p>
 * Over 400 lines on purpose: every command of the jar, run as a process, read as one list.
 */
abstract class AbstractCliEndToEndIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String SECRET = "S3cret-never-printed";

	@TempDir
	Path project;

	/** The JDBC URL of an empty database of this test's own, credentials as parameters. */
	abstract String url();

	/** Arguments that reach the server with credentials it refuses. */
	abstract List<String> refusedCredentials();

	/** An URL of this database's kind where nothing listens. */
	abstract String unreachableUrl();

	@BeforeEach
	void writeMigrations() throws IOException {
		script("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100));\n"
				+ "INSERT INTO users (id, name) VALUES (1, '${owner}');");
		script("U1__create_users.sql", "DROP TABLE users;");
		script("V2__add_email.sql", "ALTER TABLE users ADD email VARCHAR(200);\n"
				+ "UPDATE users SET email = 'owner@example.com' WHERE id = 1;");
		script("U2__add_email.sql", "ALTER TABLE users DROP COLUMN email;");
		script("V3__create_orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT);");
		script("U3__create_orders.sql", "DROP TABLE orders;");
	}

	@Test
	void migrateAppliesEverythingAndInfoShowsItAsJson() throws Exception {
		CliProcess.Result migrate = stepwise("migrate");
		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		assertThat(migrate.out()).contains("V1__create_users.sql", "V3__create_orders.sql",
				"from version 0 (empty) to 3: 3 migration(s)");
		assertThat(migrate.err()).containsSubsequence("Applying V1__create_users.sql", "Applied V1__create_users.sql in",
				"Applying V3__create_orders.sql", "Applied V3__create_orders.sql in");
		assertThat(query("SELECT name, email FROM users")).containsExactly(List.of("ann", "owner@example.com"));

		CliProcess.Result info = stepwise("info", "--json");
		assertThat(info.exitCode()).as(info.toString()).isZero();
		JsonNode json = JSON.readTree(info.out());
		assertThat(json.get("currentVersion").asText()).isEqualTo("3");
		assertThat(json.get("pending").asInt()).isZero();
		assertThat(json.get("migrations")).hasSize(3);
		for (JsonNode migration : json.get("migrations")) {
			assertThat(migration.get("state").asText()).isEqualTo("APPLIED");
			assertThat(migration.get("undoable").asBoolean()).isTrue();
			assertThat(migration.get("installedOn").isNull()).isFalse();
		}

		CliProcess.Result again = stepwise("migrate", "--json");
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(JSON.readTree(again.out()).get("applied")).isEmpty();

		CliProcess.Result table = stepwise("info");
		assertThat(table.out()).containsPattern("(?m)^Version\\s+Description\\s+Type\\s+State")
			.containsPattern("(?m)^3\\s+create orders\\s+SQL\\s+APPLIED");
	}

	@Test
	void migrateToATargetAppliesUpToItAndInfoShowsTheRestAboveIt() throws Exception {
		CliProcess.Result migrate = stepwise("migrate", "--target", "2");
		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		assertThat(migrate.out()).contains("V1__create_users.sql", "V2__add_email.sql",
				"from version 0 (empty) to 2: 2 migration(s)").doesNotContain("V3__create_orders.sql");
		assertThat(query("SELECT name, email FROM users")).containsExactly(List.of("ann", "owner@example.com"));
		assertThat(tableExists("orders")).isFalse();

		CliProcess.Result info = stepwise("info", "--json", "--target", "2");
		assertThat(info.exitCode()).as(info.toString()).isZero();
		JsonNode json = JSON.readTree(info.out());
		assertThat(json.get("currentVersion").asText()).isEqualTo("2");
		assertThat(json.get("target").asText()).isEqualTo("2");
		assertThat(json.get("pending").asInt()).isZero();
		assertThat(json.get("aboveTarget").asInt()).isEqualTo(1);
		assertThat(json.get("migrations").findValuesAsText("state")).containsExactly("APPLIED", "APPLIED",
				"ABOVE_TARGET");

		CliProcess.Result table = stepwise("info", "--set", "target=2");
		assertThat(table.out()).contains("Current version: 2; 0 pending; 1 above the target 2.")
			.containsPattern("(?m)^3\\s+create orders\\s+SQL\\s+ABOVE_TARGET");

		CliProcess.Result untargeted = stepwise("info", "--json");
		assertThat(JSON.readTree(untargeted.out()).get("migrations").findValuesAsText("state"))
			.containsExactly("APPLIED", "APPLIED", "PENDING");

		CliProcess.Result atTarget = stepwise("migrate", "--target", "2");
		assertThat(atTarget.exitCode()).as(atTarget.toString()).isZero();
		assertThat(atTarget.out()).contains("Nothing to migrate");
		assertThat(tableExists("orders")).isFalse();

		CliProcess.Result latest = stepwise("migrate", "--json");
		assertThat(JSON.readTree(latest.out()).get("applied").findValuesAsText("script"))
			.containsExactly("V3__create_orders.sql");
	}

	@Test
	void dryRunPrintsTheSqlThatTheRunThenExecutesInOrder() throws Exception {
		CliProcess.Result plan = stepwise("migrate", "--dry-run", "--json");
		assertThat(plan.exitCode()).as(plan.toString()).isZero();
		List<String> planned = new ArrayList<>();
		for (JsonNode step : JSON.readTree(plan.out()).get("plan")) {
			step.get("statements").forEach((statement) -> planned.add(statement.asText()));
		}
		assertThat(planned).hasSize(5).contains("INSERT INTO users (id, name) VALUES (1, 'ann')");
		assertThat(tableExists("users")).isFalse();

		CliProcess.Result script = stepwise("migrate", "--dry-run");
		assertThat(script.out()).containsSubsequence("-- V1__create_users.sql", "CREATE TABLE users",
				"INSERT INTO users (id, name) VALUES (1, 'ann');", "-- V2__add_email.sql", "ALTER TABLE users ADD email",
				"-- V3__create_orders.sql", "CREATE TABLE orders");
		assertThat(tableExists("users")).isFalse();

		CliProcess.Result run = stepwise("migrate", "--verbose");
		assertThat(run.exitCode()).as(run.toString()).isZero();
		List<String> executed = run.err()
			.lines()
			.filter((line) -> line.startsWith(StatementLog.PREFIX))
			.map((line) -> line.substring(StatementLog.PREFIX.length()))
			.filter(Set.copyOf(planned)::contains)
			.toList();
		assertThat(executed).containsExactlyElementsOf(planned);
	}

	@Test
	void rollbackByCountThenByTargetWithADryRunFirst() throws Exception {
		assertThat(stepwise("migrate").exitCode()).isZero();

		CliProcess.Result byCount = stepwise("rollback", "--count", "1", "--json");
		assertThat(byCount.exitCode()).as(byCount.toString()).isZero();
		JsonNode undone = JSON.readTree(byCount.out());
		assertThat(undone.get("targetVersion").asText()).isEqualTo("2");
		assertThat(undone.get("rolledBack").get(0).get("script").asText()).isEqualTo("U3__create_orders.sql");
		assertThat(tableExists("orders")).isFalse();

		CliProcess.Result dryRun = stepwise("rollback", "--target", "0", "--dry-run");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).containsSubsequence("-- U2__add_email.sql", "ALTER TABLE users DROP COLUMN email;",
				"-- U1__create_users.sql", "DROP TABLE users;");
		assertThat(tableExists("users")).isTrue();

		CliProcess.Result toTarget = stepwise("rollback", "--target", "1");
		assertThat(toTarget.exitCode()).as(toTarget.toString()).isZero();
		assertThat(toTarget.out()).contains("U2__add_email.sql", "from version 2 to 1");
		assertThat(query("SELECT name FROM users")).containsExactly(List.of("ann"));

		JsonNode info = JSON.readTree(stepwise("info", "--json").out());
		assertThat(info.get("currentVersion").asText()).isEqualTo("1");
		assertThat(info.get("migrations").findValuesAsText("state")).containsExactly("APPLIED", "ROLLED_BACK",
				"ROLLED_BACK");

		CliProcess.Result reapply = stepwise("migrate", "--including-rolled-back");
		assertThat(reapply.exitCode()).as(reapply.toString()).isZero();
		assertThat(tableExists("orders")).isTrue();
	}

	@Test
	void validateReportsAChangedScriptUntilRepairAcceptsIt() throws Exception {
		assertThat(stepwise("migrate").exitCode()).isZero();
		assertThat(stepwise("validate").exitCode()).isZero();
		script("V2__add_email.sql", "ALTER TABLE users ADD email VARCHAR(250);\n"
				+ "UPDATE users SET email = 'owner@example.com' WHERE id = 1;");

		CliProcess.Result invalid = stepwise("validate", "--json");
		assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(3);
		JsonNode error = JSON.readTree(invalid.out()).get("error");
		assertThat(error.get("kind").asText()).isEqualTo("INVALID");
		assertThat(error.get("problems")).hasSize(1);
		assertThat(error.get("problems").get(0).asText()).contains("V2__add_email.sql");
		assertThat(invalid.err()).doesNotContain("\tat ");

		CliProcess.Result refused = stepwise("migrate");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);

		CliProcess.Result repair = stepwise("repair");
		assertThat(repair.exitCode()).as(repair.toString()).isZero();
		assertThat(stepwise("validate").exitCode()).isZero();
	}

	@Test
	void baselineAdoptsAnExistingSchema() throws Exception {
		execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100))");
		CliProcess.Result baseline = stepwise("baseline", "--baseline-version", "1");
		assertThat(baseline.exitCode()).as(baseline.toString()).isZero();

		CliProcess.Result migrate = stepwise("migrate", "--json");
		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		assertThat(JSON.readTree(migrate.out()).get("applied").findValuesAsText("script"))
			.containsExactly("V2__add_email.sql", "V3__create_orders.sql");

		CliProcess.Result again = stepwise("baseline");
		assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
		assertThat(again.errorLines()).hasSize(1);
		assertThat(again.err()).contains("already has a history");
	}

	@Test
	void settingsComeFromAnApplicationYmlProfileAndTheEnvironment() throws Exception {
		Path yml = this.project.resolve("application.yml");
		Files.writeString(yml, """
				spring:
				  datasource:
				    url: jdbc:h2:mem:not-this-one
				stepwise:
				  placeholders:
				    owner: ann
				---
				spring:
				  config:
				    activate:
				      on-profile: prod
				  datasource:
				    url: ${DATABASE_URL}
				stepwise:
				  locations: filesystem:sql
				""", StandardCharsets.UTF_8);
		CliProcess.Result fromFile = CliProcess.run(this.project, Map.of("DATABASE_URL", url()), "migrate", "--config",
				yml.toString(), "--profile", "prod");
		assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
		assertThat(query("SELECT name FROM users")).containsExactly(List.of("ann"));

		CliProcess.Result fromEnvironment = CliProcess.run(this.project,
				Map.of("STEPWISE_URL", url(), "STEPWISE_LOCATIONS", "filesystem:sql", "STEPWISE_PLACEHOLDERS_OWNER", "x"),
				"info", "--json");
		assertThat(fromEnvironment.exitCode()).as(fromEnvironment.toString()).isZero();
		assertThat(JSON.readTree(fromEnvironment.out()).get("currentVersion").asText()).isEqualTo("3");
	}

	@Test
	void javaMigrationsFromTheClassPathExpandAndContract() throws Exception {
		assertThat(stepwise("migrate").exitCode()).isZero();
		Path classes = compile("V4__Rename_user_name", """
				import dev.stepwise.migration.java.SchemaMigration;
				import dev.stepwise.migration.expand.ColumnChange;
				import dev.stepwise.migration.schema.Schema;

				public class V4__Rename_user_name extends SchemaMigration {
					@Override
					public void change(Schema schema) {
						schema.expand(ColumnChange.renameColumn("users", "name", "display_name"));
					}
				}
				""");
		CliProcess.Result migrate = stepwise("migrate", "--class-path", classes.toString());
		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		assertThat(migrate.out()).contains("V4__Rename_user_name");
		assertThat(query("SELECT name, display_name FROM users")).containsExactly(List.of("ann", "ann"));
		// Not a terminal: progress in lines that stay, no carriage return redrawing a bar.
		assertThat(migrate.err()).containsSubsequence("Applying V4__Rename_user_name ...",
				"Applied V4__Rename_user_name in", "Backfill expand:users.display_name: done, 1 of ~1 rows")
			.doesNotContain("\r", "[#");
		assertThat(migrate.out()).doesNotContain("Backfill expand:");

		JsonNode info = JSON.readTree(stepwise("info", "--json", "--class-path", classes.toString()).out());
		assertThat(info.get("expansions").get(0).get("id").asText()).isEqualTo("users.display_name");
		assertThat(info.get("expansions").get(0).get("state").asText()).isEqualTo("EXPANDED");

		CliProcess.Result backfills = stepwise("backfills", "--json", "--class-path", classes.toString());
		assertThat(backfills.exitCode()).as(backfills.toString()).isZero();
		assertThat(JSON.readTree(backfills.out()).get("backfills").get(0).get("done").asBoolean()).isTrue();

		CliProcess.Result resume = stepwise("backfills", "--resume", "--json", "--class-path", classes.toString());
		assertThat(resume.exitCode()).as(resume.toString()).isZero();
		assertThat(JSON.readTree(resume.out()).get("resumed")).isEmpty();

		CliProcess.Result instances = stepwise("instances", "--json");
		assertThat(instances.exitCode()).as(instances.toString()).isZero();
		assertThat(JSON.readTree(instances.out())).isEmpty();

		CliProcess.Result contract = stepwise("contract", "users.display_name", "--class-path", classes.toString());
		assertThat(contract.exitCode()).as(contract.toString()).isZero();
		assertThat(query("SELECT display_name FROM users")).containsExactly(List.of("ann"));
		assertThat(columnExists("users", "name")).isFalse();
	}

	@Test
	void aLockHeldByAnotherRunIsExitCodeFourWithNothingRun() throws Exception {
		Assumptions.assumeTrue(concurrentProcesses(), "An embedded H2 file database is open to one process at a time");
		Path empty = Files.createDirectories(this.project.resolve("none"));
		ExecutorService executor = Executors.newSingleThreadExecutor();
		V9__Hold_the_lock.reset();
		try {
			Future<MigrateResult> holder = executor.submit(() -> Stepwise.configure()
				.dataSource(url(), null, null)
				.locations("filesystem:" + empty)
				.javaMigrations(new V9__Hold_the_lock())
				.load()
				.migrate());
			// Bounded waits, not timed assertions: the holder signals once it runs under the lock.
			assertThat(V9__Hold_the_lock.running.await(120, TimeUnit.SECONDS)).isTrue();
			// Where the holder's migration can take partial effect (MariaDB), the engine records it
			// FAILED before it runs, which validation would report first: go straight to the lock.
			CliProcess.Result locked = stepwise("migrate", "--set", "lock-wait-timeout=1s", "--set",
					"validate-on-migrate=false");
			V9__Hold_the_lock.release.countDown();
			assertThat(locked.exitCode()).as(locked.toString()).isEqualTo(4);
			assertThat(locked.errorLines()).singleElement().asString().startsWith("Error: ");
			assertThat(holder.get(120, TimeUnit.SECONDS).applied()).hasSize(1);
			assertThat(tableExists("users")).isFalse();
		}
		finally {
			V9__Hold_the_lock.release.countDown();
			executor.shutdownNow();
		}
	}

	/** Whether a second process can use the database while this one has it open. */
	boolean concurrentProcesses() {
		return true;
	}

	/** A migration that holds the run's lock until the test releases it. */
	static final class V9__Hold_the_lock extends BaseJavaMigration {

		static volatile CountDownLatch running = new CountDownLatch(1);

		static volatile CountDownLatch release = new CountDownLatch(1);

		static void reset() {
			running = new CountDownLatch(1);
			release = new CountDownLatch(1);
		}

		@Override
		public void up(MigrationContext context) throws Exception {
			running.countDown();
			release.await(120, TimeUnit.SECONDS);
		}

	}

	@Test
	void unknownVersionIsRefusedWithNothingChanged() throws Exception {
		assertThat(stepwise("migrate").exitCode()).isZero();
		CliProcess.Result result = stepwise("rollback", "--target", "7");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
		assertThat(result.errorLines()).singleElement().asString().contains("version 7");
		assertThat(tableExists("orders")).isTrue();
	}

	@Test
	void anUnreachableDatabaseIsOneLineWithoutStackTraceUnlessAsked() {
		CliProcess.Result result = CliProcess.run(this.project, Map.of(), "info", "--url", unreachableUrl());
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
		assertThat(result.errorLines()).singleElement().asString().startsWith("Error: ");
		assertThat(result.err()).doesNotContain("\tat ");

		CliProcess.Result traced = CliProcess.run(this.project, Map.of(), "info", "--url", unreachableUrl(),
				"--stacktrace");
		assertThat(traced.exitCode()).isEqualTo(6);
		assertThat(traced.err()).contains("\tat ");
	}

	@Test
	void refusedCredentialsNeverShowThePassword() {
		List<String> args = new ArrayList<>(List.of("info", "--password-env", "DB_SECRET"));
		args.addAll(refusedCredentials());
		CliProcess.Result result = CliProcess.run(this.project, Map.of("DB_SECRET", SECRET), args.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
		assertThat(result.errorLines()).singleElement();
		assertThat(result.out() + result.err()).doesNotContain(SECRET);

		Path file = this.project.resolve("password.txt");
		List<String> fromFile = new ArrayList<>(List.of("info", "--stacktrace", "--password-file", file.toString()));
		fromFile.addAll(refusedCredentials());
		try {
			Files.writeString(file, SECRET + "\n");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		CliProcess.Result traced = CliProcess.run(this.project, Map.of(), fromFile.toArray(String[]::new));
		assertThat(traced.exitCode()).as(traced.toString()).isEqualTo(6);
		assertThat(traced.out() + traced.err()).doesNotContain(SECRET);
	}

	CliProcess.Result stepwise(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--url", url(), "--locations", "filesystem:sql", "--placeholder", "owner=ann"));
		return CliProcess.run(this.project, Map.of(), all.toArray(String[]::new));
	}

	void script(String name, String content) throws IOException {
		Path sql = Files.createDirectories(this.project.resolve("sql"));
		Files.writeString(sql.resolve(name), content, StandardCharsets.UTF_8);
	}

	/** Compiles one Java migration in the default package against the engine. */
	Path compile(String className, String source) throws IOException {
		return JavaMigrationCompiler.compile(this.project, className, source);
	}

	List<List<String>> query(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<List<String>> result = new ArrayList<>();
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(rows.getString(i));
				}
				result.add(row);
			}
			return result;
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	boolean tableExists(String table) throws SQLException {
		return !columns(table).isEmpty();
	}

	boolean columnExists(String table, String column) throws SQLException {
		return columns(table).contains(column);
	}

	private Set<String> columns(String table) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url())) {
			Map<String, String> found = new HashMap<>();
			for (String name : List.of(table, table.toUpperCase())) {
				try (ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(),
						connection.getSchema(), name, null)) {
					while (rows.next()) {
						found.put(rows.getString("COLUMN_NAME").toLowerCase(), name);
					}
				}
			}
			return found.keySet();
		}
	}

}
