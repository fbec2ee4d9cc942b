package dev.stepwise.migration;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.RunEvent;
import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.api.ScriptSource;
import dev.stepwise.migration.api.StepwiseListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flyway's SQL callbacks in the locations run at the same points of the run, and Java
 * listeners hear the same points with the run's connection, on every database.
 */
abstract class AbstractSqlCallbacksTest extends AbstractEmptyDatabaseTest {

	final List<String> heard = new ArrayList<>();

	@BeforeEach
	void callbackScripts() {
		this.scripts.write("beforeMigrate.sql", """
				CREATE TABLE IF NOT EXISTS callback_log (seq INT NOT NULL, event VARCHAR(50) NOT NULL);
				""" + log("beforeMigrate"));
		this.scripts.write("V1__create_customers.sql", "CREATE TABLE customers (id INT PRIMARY KEY);\n")
			.write("U1__create_customers.sql", "DROP TABLE customers;\n")
			.write("V2__add_name.sql", "ALTER TABLE customers ADD COLUMN name VARCHAR(50);\n")
			.write("U2__add_name.sql", "ALTER TABLE customers DROP COLUMN name;\n");
	}

	/** A statement that appends the event to the log, in order. */
	static String log(String event) {
		return "INSERT INTO callback_log (seq, event) SELECT COUNT(*) + 1, '" + event + "' FROM callback_log;\n";
	}

	@Override
	StepwiseConfiguration.Builder configure() {
		return Stepwise.configure().dataSource(this.database.dataSource()).locations(this.scripts.location())
			.listeners(new StepwiseListener() {
				@Override
				public void onRunEvent(RunEvent event, Connection connection) {
					AbstractSqlCallbacksTest.this.heard.add(event.callbackName() + "@" + logRows(connection));
				}
			});
	}

	@Test
	void migrateRunsEachCallbackAtItsPoint() {
		this.scripts.write("beforeEachMigrate.sql", log("beforeEachMigrate"))
			.write("afterEachMigrate__log.sql", log("afterEachMigrate"))
			.write("afterMigrate.sql", log("afterMigrate"))
			.write("afterMigrate__second.sql", log("afterMigrate second"));

		configure().load().migrate();

		assertThat(events()).containsExactly("beforeMigrate", "beforeEachMigrate", "afterEachMigrate",
				"beforeEachMigrate", "afterEachMigrate", "afterMigrate", "afterMigrate second");
		// Listeners hear each point after its scripts, on the run's connection.
		assertThat(this.heard).containsExactly("beforeMigrate@1", "beforeEachMigrate@2", "afterEachMigrate@3",
				"beforeEachMigrate@4", "afterEachMigrate@5", "afterMigrate@7");
	}

	@Test
	void oneListingOfTheLocationsFindsBothTheMigrationsAndTheCallbacks() {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("beforeMigrate.sql", """
				CREATE TABLE IF NOT EXISTS callback_log (seq INT NOT NULL, event VARCHAR(50) NOT NULL);
				""" + log("beforeMigrate"));
		texts.put("V1__create_customers.sql", "CREATE TABLE customers (id INT PRIMARY KEY);\n");
		texts.put("afterMigrate.sql", log("afterMigrate"));
		List<String> listed = new ArrayList<>();
		ScriptSource source = (location, path) -> {
			listed.add(location);
			return texts.entrySet().stream().map((text) -> script(location, text.getKey(), text.getValue())).toList();
		};

		Stepwise.configure().dataSource(this.database.dataSource()).locations("classpath:memory/callbacks")
			.scriptSource(source).load().migrate();

		assertThat(events()).containsExactly("beforeMigrate", "afterMigrate");
		assertThat(this.sql.column("SELECT COUNT(*) FROM customers")).containsExactly("0");
		// A start-up with a thousand scripts once listed them twice: for the migrations, then for the callbacks.
		assertThat(listed).containsExactly("classpath:memory/callbacks");
	}

	private static ScriptResource script(String location, String name, String text) {
		return new ScriptResource() {

			@Override
			public String path() {
				return name;
			}

			@Override
			public String location() {
				return location;
			}

			@Override
			public String read(Charset charset) {
				return text;
			}

		};
	}

	@Test
	void wholeRunCallbacksRunEvenWithNothingPending() {
		this.scripts.write("afterMigrate.sql", log("afterMigrate"));
		configure().load().migrate();

		assertThat(configure().load().migrate().applied()).isEmpty();

		assertThat(events()).containsExactly("beforeMigrate", "afterMigrate", "beforeMigrate", "afterMigrate");
	}

	@Test
	void aFailedMigrationRunsTheErrorCallbacksAndStillReportsTheMigration() {
		this.scripts.write("V2__add_name.sql", "ALTER TABLE no_such_table ADD COLUMN name VARCHAR(50);\n")
			.write("afterEachMigrateError.sql", log("afterEachMigrateError"))
			.write("afterMigrateError.sql", log("afterMigrateError"))
			.write("afterMigrate.sql", log("afterMigrate"));

		assertThatThrownBy(() -> configure().load().migrate()).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("V2__add_name.sql");

		assertThat(events()).containsExactly("beforeMigrate", "afterEachMigrateError", "afterMigrateError");
	}

	@Test
	void validateRunsItsCallbacks() {
		configure().load().migrate();
		this.scripts.write("beforeValidate.sql", log("beforeValidate"))
			.write("afterValidate.sql", log("afterValidate"));

		configure().load().validate();

		assertThat(events()).endsWith("beforeValidate", "afterValidate");
	}

	@Test
	void rollbackRunsTheUndoCallbacks() {
		configure().load().migrate();
		this.scripts.write("beforeUndo.sql", log("beforeUndo"))
			.write("beforeEachUndo.sql", log("beforeEachUndo"))
			.write("afterEachUndo.sql", log("afterEachUndo"))
			.write("afterUndo.sql", log("afterUndo"));

		configure().load().rollbackLast(2);

		assertThat(events()).containsExactly("beforeMigrate", "beforeUndo", "beforeEachUndo", "afterEachUndo",
				"beforeEachUndo", "afterEachUndo", "afterUndo");
	}

	@Test
	void aFailingCallbackNamesItselfAndTheLine() {
		this.scripts.write("afterMigrate.sql", "SELECT 1 FROM callback_log;\nINSERT INTO no_such_table VALUES (1);\n");

		assertThatThrownBy(() -> configure().load().migrate())
			.hasMessageContaining("The afterMigrate callback")
			.hasMessageContaining("afterMigrate.sql failed at line 2");
	}

	@Test
	void aFlywayCallbackThatStepwiseDoesNotRunIsNamedAsSuch() {
		this.scripts.write("beforeClean.sql", "SELECT 1;\n");

		assertThatThrownBy(() -> configure().load().migrate()).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("beforeClean.sql: a Flyway callback that Stepwise does not run")
			.hasMessageNotContaining("not a migration name");
	}

	private List<String> events() {
		return this.sql.column("SELECT event FROM callback_log ORDER BY seq");
	}

	private static String logRows(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM callback_log")) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			return "no log: " + ex.getMessage();
		}
	}

}
