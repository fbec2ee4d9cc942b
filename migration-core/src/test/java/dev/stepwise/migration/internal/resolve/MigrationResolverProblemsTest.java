package dev.stepwise.migration.internal.resolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.java.BaseJavaMigration;
import dev.stepwise.migration.java.JavaMigration;
import dev.stepwise.migration.java.MigrationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.stepwise.migration.internal.resolve.TestScripts.resolve;
import static dev.stepwise.migration.internal.resolve.TestScripts.writeScripts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MigrationResolverProblemsTest {

	private static final String NAMING = ": not a migration name. Name it V<version>__<description>.sql (up),"
			+ " U<version>__<description>.sql (down) or R__<description>.sql (repeatable), for example ";

	@TempDir
	Path directory;

	@Test
	void reportsAScriptThatIsNotNamedAsAMigration() {
		assertThat(problems("classpath:resolve/invalid")).containsExactly("resolve/invalid/V1_create_users.sql" + NAMING
				+ "V1__create_users.sql, or move it out of classpath:resolve/invalid.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "V__x.sql", "Vx__y.sql", "V1__.sql", "init.sql", "sub/V1.x__y.sql", "R1__view.sql" })
	void reportsEveryKindOfBadName(String path) {
		writeScripts(this.directory, path, "V9__fine.sql", "notes.txt");
		assertThat(problems(this.directory)).containsExactly(this.directory + "/" + path + NAMING
				+ "V1__create_users.sql, or move it out of filesystem:" + this.directory + ".");
	}

	@Test
	void reportsTwoUpScriptsWithOneVersion() {
		writeScripts(this.directory, "V1__a.sql", "sub/V1.0__b.sql", "V2__c.sql");
		assertThat(problems(this.directory)).containsExactly("Version 1 is used by " + this.directory
				+ "/V1__a.sql and " + this.directory + "/sub/V1.0__b.sql: renumber one of them.");
	}

	@Test
	void reportsThreeUpScriptsWithOneVersionOnce() {
		writeScripts(this.directory, "V1_1__a.sql", "V1.1__b.sql", "V1.1.0__c.sql");
		// The version is shown as the first script (by path) writes it.
		assertThat(problems(this.directory)).containsExactly("Version 1.1.0 is used by " + this.directory
				+ "/V1.1.0__c.sql, " + this.directory + "/V1.1__b.sql and " + this.directory
				+ "/V1_1__a.sql: renumber all but one of them.");
	}

	@Test
	void reportsAnUpScriptAndAJavaMigrationWithOneVersion() {
		writeScripts(this.directory, "V2__seed.sql");
		assertThat(problems(this.directory, new V2__Seed_users())).containsExactly("Version 2 is used by "
				+ this.directory + "/V2__seed.sql and " + V2__Seed_users.class.getName() + ": renumber one of them.");
	}

	@Test
	void reportsTwoJavaMigrationsWithOneVersion() {
		assertThat(problems(this.directory, new V2__Seed_users(), new V2__Seed_orders()))
			.containsExactly("Version 2 is used by " + V2__Seed_users.class.getName() + " and "
					+ V2__Seed_orders.class.getName() + ": renumber one of them.");
	}

	@Test
	void reportsTwoDownScriptsForOneVersion() {
		writeScripts(this.directory, "V1__a.sql", "U1__a.sql", "undo/U1__a_again.sql");
		assertThat(problems(this.directory)).containsExactly("Version 1 has 2 down scripts, " + this.directory
				+ "/U1__a.sql and " + this.directory + "/undo/U1__a_again.sql: keep one of them.");
	}

	@Test
	void reportsADownScriptWithoutItsUpScript() {
		writeScripts(this.directory, "V1__a.sql", "U2__b.sql");
		assertThat(problems(this.directory)).containsExactly(this.directory + "/U2__b.sql: a down script with no up"
				+ " script of version 2. Add V2__<description>.sql, or correct the version in its name, or delete it.");
	}

	@Test
	void reportsADownScriptForAJavaMigration() {
		writeScripts(this.directory, "U2__seed.sql");
		String javaMigration = V2__Seed_users.class.getName();
		assertThat(problems(this.directory, new V2__Seed_users())).containsExactly(this.directory + "/U2__seed.sql:"
				+ " a down script for version 2, which is the Java migration " + javaMigration + ". Undo it in "
				+ javaMigration + ".down() and delete the script.");
	}

	@Test
	void reportsTwoRepeatableScriptsWithOneDescription() {
		writeScripts(this.directory, "R__users_view.sql", "views/R__users view.sql", "R__orders_view.sql");
		assertThat(problems(this.directory)).containsExactly("Repeatable migration \"users view\" is defined by "
				+ this.directory + "/R__users_view.sql and " + this.directory + "/views/R__users view.sql:"
				+ " rename all but one of them, since each description must be unique.");
	}

	@Test
	void reportsEveryProblemTogether() {
		writeScripts(this.directory, "V1__a.sql", "V1__b.sql", "V1_oops.sql", "U1__a.sql", "U1__b.sql", "U3__c.sql",
				"R__r.sql", "sub/R__r.sql", "init.sql");
		MigrationValidationException exception = catchThrowableOfType(MigrationValidationException.class,
				() -> resolve(this.directory, new V2__Seed_users(), new V2__Seed_orders()));
		List<String> problems = exception.problems();
		assertThat(exception.getMessage())
			.isEqualTo("Validation failed with 7 problems:\n - " + String.join("\n - ", problems));
		assertThat(problems).satisfiesExactly(
				(problem) -> assertThat(problem).startsWith(this.directory + "/V1_oops.sql: not a migration name."),
				(problem) -> assertThat(problem).startsWith(this.directory + "/init.sql: not a migration name."),
				(problem) -> assertThat(problem).startsWith("Version 1 is used by "),
				(problem) -> assertThat(problem).startsWith("Version 2 is used by "),
				(problem) -> assertThat(problem).startsWith("Version 1 has 2 down scripts"),
				(problem) -> assertThat(problem)
					.startsWith(this.directory + "/U3__c.sql: a down script with no up script"),
				(problem) -> assertThat(problem).startsWith("Repeatable migration \"r\""));
	}

	@Test
	void readsNoScriptWhenThereIsAProblem() throws Exception {
		// An unreadable script would fail the run with a read error, hiding the naming problem.
		writeScripts(this.directory, "V1__a.sql", "V2_b.sql");
		Files.write(this.directory.resolve("V1__a.sql"), new byte[] { (byte) 0xC3, (byte) 0x28 });
		assertThat(problems(this.directory)).singleElement()
			.asString()
			.startsWith(this.directory + "/V2_b.sql: not a migration name.");
	}

	private static List<String> problems(String location) {
		return catchThrowableOfType(MigrationValidationException.class, () -> resolve(location)).problems();
	}

	private static List<String> problems(Path directory, JavaMigration... javaMigrations) {
		MigrationValidationException exception = catchThrowableOfType(MigrationValidationException.class,
				() -> resolve(directory, javaMigrations));
		assertThat(exception).as("the problems of " + directory).isNotNull();
		return exception.problems();
	}

	static class V2__Seed_users extends BaseJavaMigration {

		@Override
		public void up(MigrationContext context) {
		}

	}

	static class V2__Seed_orders extends BaseJavaMigration {

		@Override
		public void up(MigrationContext context) {
		}

	}

}
