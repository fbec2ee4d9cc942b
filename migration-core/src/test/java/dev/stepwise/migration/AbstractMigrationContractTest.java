package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RollbackRefusedException;
import dev.stepwise.migration.api.RollbackRequest;
import dev.stepwise.migration.api.RollbackResult;
import dev.stepwise.migration.api.StepwiseInfo;
import dev.stepwise.migration.api.StepwiseListener;
import dev.stepwise.migration.expand.ColumnChange;
import dev.stepwise.migration.internal.dialect.Instants;
import dev.stepwise.migration.java.BaseJavaMigration;
import dev.stepwise.migration.java.MigrationContext;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Column;
import dev.stepwise.migration.schema.Schema;
import dev.stepwise.migration.schema.Type;
import dev.stepwise.migration.testsupport.CatalogSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's behaviour, written once and run on every database by one thin subclass
 * each. Every test starts from an empty database.
 * <p>
 * Over 400 lines on purpose: the behaviour contract every database must meet, read as one list.
 */
abstract class AbstractMigrationContractTest extends AbstractEmptyDatabaseTest {

	void writeThreeMigrations() {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100));")
			.write("U1__create_users.sql", "DROP TABLE users;")
			.write("V2__seed_users.sql", """
					-- two users, one with a quote in the address
					INSERT INTO users (id, email) VALUES (1, 'ann@example.com');
					INSERT INTO users (id, email) VALUES (2, 'o''brien@example.com');
					""")
			.write("U2__seed_users.sql", "DELETE FROM users WHERE id IN (1, 2);")
			.write("V3__create_orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT)")
			.write("U3__create_orders.sql", "DROP TABLE orders");
	}

	List<String> stateOf(StepwiseInfo info) {
		return info.migrations().stream().map((m) -> m.version() + ":" + m.state()).toList();
	}

	@Test
	void migratesFromEmptyAndRecordsHistory() {
		writeThreeMigrations();
		MigrateResult result = stepwise().migrate();
		assertThat(result.applied()).extracting((m) -> m.version().toString()).containsExactly("1", "2", "3");
		assertThat(result.initialVersion()).isNull();
		assertThat(result.targetVersion()).hasToString("3");
		assertThat(this.sql.column("SELECT email FROM users ORDER BY id"))
			.containsExactly("ann@example.com", "o'brien@example.com");
		assertThat(this.sql.tableExists("orders")).isTrue();
		assertThat(this.sql.column("SELECT version FROM stepwise_history ORDER BY installed_rank"))
			.containsExactly("1", "2", "3");
		StepwiseInfo info = stepwise().info();
		assertThat(info.currentVersion()).hasToString("3");
		assertThat(stateOf(info)).containsExactly("1:APPLIED", "2:APPLIED", "3:APPLIED");
		MigrationInfo first = info.migrations().get(0);
		assertThat(first.installedBy()).isNotBlank();
		assertThat(first.installedOn()).isNotNull();
		assertThat(first.checksum()).isNotNull();
		assertThat(first.undoable()).isTrue();
	}

	@Test
	void readsTheHistorysTimesBackAsTheInstantsWrittenWhateverTheJvmsZone() throws SQLException {
		writeThreeMigrations();
		stepwise().migrate();
		// Milliseconds, which every database's column keeps; one before the epoch, whose
		// microseconds since it are negative.
		Instant installed = Instant.parse("2026-03-04T05:06:07.891Z");
		Instant rolledBack = Instant.parse("1969-12-31T23:59:58.250Z");
		try (Connection connection = this.database.dataSource().getConnection();
				PreparedStatement update = connection.prepareStatement(
						"UPDATE stepwise_history SET installed_on = ?, rolled_back_on = ? WHERE version = '1'")) {
			Instants.set(type(), update, 1, installed);
			Instants.set(type(), update, 2, rolledBack);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
		TimeZone jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
		try {
			MigrationInfo first = stepwise().info().migrations().get(0);
			assertThat(first.installedOn()).isEqualTo(installed);
			assertThat(first.rolledBackOn()).isEqualTo(rolledBack);
			assertThat(stepwise().info().migrations().get(1).rolledBackOn()).isNull();
		}
		finally {
			TimeZone.setDefault(jvmZone);
		}
	}

	@Test
	void secondRunDoesNothing() {
		writeThreeMigrations();
		stepwise().migrate();
		MigrateResult again = stepwise().migrate();
		assertThat(again.applied()).isEmpty();
		assertThat(again.plan()).isEmpty();
		assertThat(this.sql.count("SELECT COUNT(*) FROM stepwise_history")).isEqualTo(3);
	}

	@Test
	void migrateDryRunPlansWithoutChangingAnything() {
		writeThreeMigrations();
		MigrateResult plan = stepwise().migrate(MigrateOptions.defaults().asDryRun());
		assertThat(plan.dryRun()).isTrue();
		assertThat(plan.applied()).isEmpty();
		assertThat(plan.plan()).extracting((m) -> m.script())
			.containsExactly("V1__create_users.sql", "V2__seed_users.sql", "V3__create_orders.sql");
		assertThat(plan.plan().get(1).statements()).hasSize(2);
		assertThat(plan.plan().get(1).statements().get(1)).contains("o''brien@example.com");
		assertThat(plan.targetVersion()).hasToString("3");
		assertThat(this.sql.tableExists("users")).isFalse();
		assertThat(this.sql.tableExists("stepwise_history")).isFalse();
	}

	@Test
	void rollsBackToAVersionByCountToEmptyAndForwardAgain() {
		writeThreeMigrations();
		Stepwise stepwise = stepwise();
		stepwise.migrate();

		RollbackResult toOne = stepwise.rollbackTo("1");
		assertThat(toOne.rolledBack()).extracting((m) -> m.script())
			.containsExactly("U3__create_orders.sql", "U2__seed_users.sql");
		assertThat(toOne.targetVersion()).hasToString("1");
		assertThat(this.sql.tableExists("orders")).isFalse();
		assertThat(this.sql.count("SELECT COUNT(*) FROM users")).isZero();
		assertThat(stateOf(stepwise.info())).containsExactly("1:APPLIED", "2:ROLLED_BACK", "3:ROLLED_BACK");

		RollbackResult last = stepwise.rollbackLast(1);
		assertThat(last.rolledBack()).extracting((m) -> m.script()).containsExactly("U1__create_users.sql");
		assertThat(this.sql.tableExists("users")).isFalse();
		assertThat(stepwise.info().currentVersion()).isNull();

		MigrateResult again = stepwise.migrate(MigrateOptions.defaults().includingRolledBack());
		assertThat(again.applied()).extracting((m) -> m.version().toString()).containsExactly("1", "2", "3");
		assertThat(this.sql.count("SELECT COUNT(*) FROM users")).isEqualTo(2);

		RollbackResult toEmpty = stepwise.rollbackTo("0");
		assertThat(toEmpty.rolledBack()).hasSize(3);
		assertThat(this.sql.tableExists("users")).isFalse();
		assertThat(this.sql.tableExists("orders")).isFalse();
		assertThat(this.sql.count("SELECT COUNT(*) FROM stepwise_history WHERE rolled_back_on IS NOT NULL"))
			.isEqualTo(6);
		assertThat(this.sql.column("SELECT rollback_script FROM stepwise_history ORDER BY installed_rank DESC"))
			.first()
			.isEqualTo("U3__create_orders.sql");
	}

	@Test
	void rollbackDryRunPlansWithoutChangingAnything() {
		writeThreeMigrations();
		Stepwise stepwise = stepwise();
		stepwise.migrate();
		RollbackResult plan = stepwise.rollback(RollbackRequest.toVersion("1").asDryRun());
		assertThat(plan.dryRun()).isTrue();
		assertThat(plan.plan()).extracting((m) -> m.script())
			.containsExactly("U3__create_orders.sql", "U2__seed_users.sql");
		assertThat(plan.plan().get(1).statements()).containsExactly("DELETE FROM users WHERE id IN (1, 2)");
		assertThat(plan.targetVersion()).hasToString("1");
		assertThat(this.sql.tableExists("orders")).isTrue();
		assertThat(this.sql.count("SELECT COUNT(*) FROM users")).isEqualTo(2);
		assertThat(stateOf(stepwise.info())).containsOnly("1:APPLIED", "2:APPLIED", "3:APPLIED");
	}

	@Test
	void rollbackSticksUntilAskedOrTheScriptChanges() {
		writeThreeMigrations();
		stepwise().migrate();
		stepwise().rollbackLast(1);

		// A restarting instance of the rolled back release must not undo the operator's rollback.
		assertThat(stepwise().migrate().applied()).isEmpty();
		assertThat(this.sql.tableExists("orders")).isFalse();

		// A fixed script is a new decision.
		this.scripts.write("V3__create_orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, total INT)");
		assertThat(stepwise().migrate().applied()).extracting((m) -> m.version().toString()).containsExactly("3");
		assertThat(this.sql.count("SELECT COUNT(total) FROM orders")).isZero();
		assertThat(stateOf(stepwise().info())).containsExactly("1:APPLIED", "2:APPLIED", "3:APPLIED");
	}

	@Test
	void rollbackAcrossAMigrationWithoutUndoIsRefusedBeforeAnythingRuns() {
		writeThreeMigrations();
		this.scripts.delete("U2__seed_users.sql");
		Stepwise stepwise = stepwise();
		stepwise.migrate();
		assertThatThrownBy(() -> stepwise.rollbackTo("1")).isInstanceOf(RollbackRefusedException.class)
			.hasMessageContaining("V2__seed_users.sql (version 2) has no way back")
			.hasMessageContaining("U2__seed_users.sql")
			.hasMessageContaining("nothing was changed");
		assertThat(this.sql.tableExists("orders")).isTrue();
		assertThat(stateOf(stepwise.info())).containsOnly("1:APPLIED", "2:APPLIED", "3:APPLIED");
		// Above it, a rollback still works.
		assertThat(stepwise.rollbackTo("2").rolledBack()).hasSize(1);
	}

	@Test
	void rollbackRejectsBadTargetsAndCounts() {
		writeThreeMigrations();
		Stepwise stepwise = stepwise();
		stepwise.migrate();
		assertThatThrownBy(() -> stepwise.rollbackTo("7")).isInstanceOf(RollbackRefusedException.class)
			.hasMessageContaining("no migration has that version");
		assertThatThrownBy(() -> stepwise.rollbackLast(4)).isInstanceOf(RollbackRefusedException.class)
			.hasMessageContaining("only 3 are applied");
		assertThatThrownBy(() -> stepwise.rollbackLast(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least 1");
		stepwise.rollbackTo("1");
		assertThatThrownBy(() -> stepwise.rollbackTo("2")).isInstanceOf(RollbackRefusedException.class)
			.hasMessageContaining("above the current version 1");
	}

	@Test
	void editedAppliedScriptFailsValidationNamingTheFile() {
		writeThreeMigrations();
		stepwise().migrate();
		this.scripts.write("V2__seed_users.sql", "INSERT INTO users (id, email) VALUES (3, 'changed@example.com');");
		assertThatThrownBy(() -> stepwise().migrate()).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("V2__seed_users.sql")
			.hasMessageContaining("was changed after it was applied")
			.hasMessageContaining("new migration");
		assertThat(this.sql.count("SELECT COUNT(*) FROM users")).isEqualTo(2);
		stepwise().repair();
		stepwise().validate();
	}

	@Test
	void lineEndingsDoNotCountAsAnEdit() {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY);\nINSERT INTO users VALUES (1);\n");
		stepwise().migrate();
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY);\r\nINSERT INTO users VALUES (1);\r\n");
		stepwise().validate();
		assertThat(stepwise().migrate().applied()).isEmpty();
	}

	@Test
	void pendingVersionBelowCurrentIsRefusedUnlessOutOfOrder() {
		this.scripts.write("V1__a.sql", "CREATE TABLE a (id INT)").write("V3__c.sql", "CREATE TABLE c (id INT)");
		stepwise().migrate();
		this.scripts.write("V2__b.sql", "CREATE TABLE b (id INT)");
		assertThatThrownBy(() -> stepwise().migrate()).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("V2__b.sql")
			.hasMessageContaining("already at version 3")
			.hasMessageContaining("outOfOrder(true)");
		assertThat(this.sql.tableExists("b")).isFalse();
		MigrateResult result = configure().outOfOrder(true).load().migrate();
		assertThat(result.applied()).extracting((m) -> m.version().toString()).containsExactly("2");
		assertThat(this.sql.tableExists("b")).isTrue();
	}

	@Test
	void appliedMigrationMissingFromTheSourcesFailsValidation() {
		writeThreeMigrations();
		stepwise().migrate();
		this.scripts.delete("V2__seed_users.sql").delete("U2__seed_users.sql");
		assertThatThrownBy(() -> stepwise().validate()).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("V2__seed_users.sql (version 2) was applied")
			.hasMessageContaining("no longer among the sources");
	}

	@Test
	void versionsFromANewerReleaseAreToleratedByDefault() {
		writeThreeMigrations();
		stepwise().migrate();
		this.scripts.delete("V3__create_orders.sql").delete("U3__create_orders.sql");
		assertThat(stepwise().migrate().applied()).isEmpty();
		assertThat(stateOf(stepwise().info())).contains("3:FUTURE");
		assertThatThrownBy(() -> configure().ignoreFutureMigrations(false).load().migrate())
			.isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("applied by a newer release");
	}

	@Test
	void repeatableMigrationsRunAfterVersionedOnesAndAgainWhenChanged() {
		writeThreeMigrations();
		this.scripts.write("R__user_emails.sql", "CREATE VIEW user_emails AS SELECT email FROM users");
		MigrateResult first = stepwise().migrate();
		assertThat(first.applied()).extracting((m) -> m.script()).last().isEqualTo("R__user_emails.sql");
		assertThat(stepwise().migrate().applied()).isEmpty();
		this.scripts.write("R__user_emails.sql", "DROP VIEW user_emails;\nCREATE VIEW user_emails AS SELECT id, email FROM users");
		assertThat(stepwise().info().pending()).extracting(MigrationInfo::script).containsExactly("R__user_emails.sql");
		assertThat(stepwise().migrate().applied()).extracting((m) -> m.script()).containsExactly("R__user_emails.sql");
		assertThat(this.sql.count("SELECT COUNT(id) FROM user_emails")).isEqualTo(2);
	}

	@Test
	void placeholdersAreReplacedAndAnUnknownOneIsAnError() {
		this.scripts.write("V1__create.sql", "CREATE TABLE ${table} (id INT);\nINSERT INTO ${table} VALUES (${answer});");
		configure().placeholder("table", "settings").placeholder("answer", "42").load().migrate();
		assertThat(this.sql.column("SELECT id FROM settings")).containsExactly("42");
		this.scripts.write("V2__more.sql", "INSERT INTO settings VALUES (${missing});");
		assertThatThrownBy(() -> configure().placeholder("table", "settings").placeholder("answer", "42").load().migrate())
			.hasMessageContaining("V2__more.sql")
			.hasMessageContaining("${missing}");
	}

	@Test
	void vendorLocationPicksTheDatabasesScripts() {
		this.scripts.write("common/V1__create.sql", "CREATE TABLE settings (id INT, vendor VARCHAR(20))");
		for (String vendor : List.of("postgresql", "mysql", "h2")) {
			this.scripts.write(vendor + "/V2__vendor.sql", "INSERT INTO settings VALUES (2, '" + vendor + "')");
		}
		String root = this.scripts.location();
		Stepwise.configure()
			.dataSource(this.database.dataSource())
			.locations(root + "/common", root + "/{vendor}")
			.load()
			.migrate();
		String expected = type().isMySqlFamily() ? "mysql" : type().vendor();
		assertThat(this.sql.column("SELECT vendor FROM settings")).containsExactly(expected);
	}

	@Test
	void javaMigrationsRunUpAndDownInOrderWithScripts() {
		writeThreeMigrations();
		Stepwise stepwise = configure().javaMigrations(new V2_5__Add_admin()).load();
		MigrateResult result = stepwise.migrate();
		assertThat(result.applied()).extracting((m) -> m.version().toString()).containsExactly("1", "2", "2.5", "3");
		assertThat(this.sql.column("SELECT email FROM users WHERE id = 99")).containsExactly("admin@example.com");
		assertThat(stepwise.info().migrations().get(2).script()).endsWith("V2_5__Add_admin");
		stepwise.rollbackTo("2");
		assertThat(this.sql.count("SELECT COUNT(*) FROM users WHERE id = 99")).isZero();
		assertThat(this.sql.column("SELECT rollback_script FROM stepwise_history WHERE version = '2.5'"))
			.containsExactly(V2_5__Add_admin.class.getName() + ".down");
	}

	@Test
	void failingMigrationReportsScriptLineAndStatement() {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY);")
			.write("V2__broken.sql", "INSERT INTO users VALUES (1);\n\nINSERT INTO no_such_table VALUES (2);\n");
		assertThatThrownBy(() -> stepwise().migrate()).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("V2__broken.sql (version 2) failed at line 3")
			.hasMessageContaining("INSERT INTO no_such_table VALUES (2)")
			.hasMessageContaining("Nothing of it was applied");
		// The first migration committed; the failed one left neither rows nor history.
		assertThat(this.sql.count("SELECT COUNT(*) FROM users")).isZero();
		assertThat(this.sql.column("SELECT version FROM stepwise_history")).containsExactly("1");
	}

	@Test
	void failedDdlLeavesNoTraceOnlyWhereDdlIsTransactional() {
		this.scripts.write("V1__two_tables.sql", "CREATE TABLE first_table (id INT);\nCREATE TABLE first_table (id INT);");
		assertThatThrownBy(() -> stepwise().migrate()).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("line 2");
		if (type() != DatabaseType.POSTGRESQL) {
			// MariaDB and H2 committed the first CREATE TABLE: the migration is FAILED and blocks the next run.
			assertThat(this.sql.tableExists("first_table")).isTrue();
			assertThat(stateOf(stepwise().info())).containsExactly("1:FAILED");
			assertThatThrownBy(() -> stepwise().migrate()).isInstanceOf(MigrationValidationException.class)
				.hasMessageContaining("V1__two_tables.sql (version 1) failed")
				.hasMessageContaining("repair()");
			this.sql.execute("DROP TABLE first_table");
			this.scripts.write("V1__two_tables.sql", "CREATE TABLE first_table (id INT);\nCREATE TABLE second_table (id INT);");
			stepwise().repair();
			assertThat(stepwise().migrate().applied()).hasSize(1);
			assertThat(this.sql.tableExists("second_table")).isTrue();
		}
		else {
			assertThat(this.sql.tableExists("first_table")).isFalse();
			assertThat(this.sql.count("SELECT COUNT(*) FROM stepwise_history")).isZero();
		}
	}

	@Test
	void baselineAdoptsAnExistingSchema() {
		this.sql.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
		writeThreeMigrations();
		Stepwise stepwise = stepwise();
		stepwise.baseline("2");
		MigrateResult result = stepwise.migrate();
		assertThat(result.applied()).extracting((m) -> m.version().toString()).containsExactly("3");
		assertThat(stateOf(stepwise.info())).containsExactly("1:BELOW_BASELINE", "2:BASELINE", "3:APPLIED");
		assertThatThrownBy(() -> stepwise.rollbackTo("1")).isInstanceOf(RollbackRefusedException.class)
			.hasMessageContaining("baseline");
		assertThatThrownBy(() -> stepwise.baseline("5")).hasMessageContaining("already has a history");
	}

	@Test
	void baselineOnMigrateAdoptsOnlyANonEmptySchema() {
		writeThreeMigrations();
		// Empty schema: migrate from the start.
		assertThat(configure().baselineOnMigrate(true).load().migrate().applied()).hasSize(3);

		this.database.reset();
		this.sql.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
		MigrateResult adopted = configure().baselineOnMigrate(true).baselineVersion("2").load().migrate();
		assertThat(adopted.applied()).extracting((m) -> m.version().toString()).containsExactly("3");
	}

	@Test
	void listenersHearEveryMigrationAndRollback() {
		writeThreeMigrations();
		List<String> heard = new ArrayList<>();
		StepwiseListener listener = new StepwiseListener() {
			@Override
			public void lockAcquired(Duration waited) {
				heard.add("lock");
			}

			@Override
			public void afterMigrate(MigrationEvent migration, Duration executionTime) {
				heard.add("up " + migration.version());
			}

			@Override
			public void afterRollback(MigrationEvent migration, Duration executionTime) {
				heard.add("down " + migration.version());
			}

			@Override
			public void migrateFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
				heard.add("failed " + migration.version());
			}
		};
		Stepwise stepwise = configure().listeners(listener, (new StepwiseListener() {
			@Override
			public void afterMigrate(MigrationEvent migration, Duration executionTime) {
				throw new IllegalStateException("a broken listener must not fail the run");
			}
		})).load();
		stepwise.migrate();
		stepwise.rollbackLast(1);
		this.scripts.write("V4__broken.sql", "SELECT * FROM no_such_table");
		assertThatThrownBy(stepwise::migrate).isInstanceOf(MigrationFailedException.class);
		assertThat(heard).containsExactly("lock", "up 1", "up 2", "up 3", "lock", "down 3", "lock", "failed 4");
	}

	@Test
	void malformedNameAndDuplicateVersionAreRefusedBeforeAnythingRuns() {
		writeThreeMigrations();
		this.scripts.write("V3__duplicate.sql", "CREATE TABLE dup (id INT)").write("V4_missing_separator.sql", "SELECT 1");
		assertThatThrownBy(() -> stepwise().migrate()).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("V3__duplicate.sql")
			.hasMessageContaining("V4_missing_separator.sql");
		assertThat(this.sql.tableExists("users")).isFalse();
	}

	@Test
	void migrationStateIsPendingBeforeRunning() {
		writeThreeMigrations();
		StepwiseInfo info = stepwise().info();
		assertThat(info.currentVersion()).isNull();
		assertThat(info.pending()).hasSize(3);
		assertThat(info.migrations()).extracting(MigrationInfo::state).containsOnly(MigrationState.PENDING);
	}

	@Test
	void schemaMigrationsRollBackThroughTheirRecordedInverse() throws Exception {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
		configure().load().migrate();
		CatalogSnapshot before = snapshot();
		Stepwise stepwise = configure().javaMigrations(new V2__Add_profile()).load();

		assertThat(stepwise.migrate(MigrateOptions.defaults().asDryRun()).plan().get(0).statements())
			.anySatisfy((statement) -> assertThat(statement).containsIgnoringCase("CREATE TABLE"));
		stepwise.migrate();
		assertThat(this.sql.tableExists("profiles")).isTrue();
		assertThat(snapshot()).isNotEqualTo(before);

		RollbackResult plan = stepwise.rollback(RollbackRequest.last(1).asDryRun());
		assertThat(plan.plan().get(0).statements()).anySatisfy(
				(statement) -> assertThat(statement).containsIgnoringCase("DROP TABLE"));
		stepwise.rollbackLast(1);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void schemaMigrationWithAnIrreversibleChangeRefusesRollbackBeforeAnythingRuns() throws Exception {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100), nickname VARCHAR(20))")
			.write("U1__create_users.sql", "DROP TABLE users");
		Stepwise stepwise = configure().javaMigrations(new V2__Drop_nickname()).load();
		stepwise.migrate();
		assertThatThrownBy(() -> stepwise.rollbackTo("0")).isInstanceOf(RollbackRefusedException.class)
			.hasMessageContaining("V2__Drop_nickname")
			.hasMessageContaining("cannot be undone automatically")
			.hasMessageContaining("dropColumn");
		assertThat(this.sql.tableExists("users")).isTrue();
		assertThat(stateOf(stepwise.info())).containsExactly("1:APPLIED", "2:APPLIED");
	}

	@Test
	void expandAndContractRunThroughMigrationsWaitForOldInstancesAndUndoThemselves() throws Exception {
		this.scripts.write("V1__create_people.sql", "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(100));\n"
				+ "INSERT INTO people (id, name) VALUES (1, 'ann'), (2, 'bob'), (3, NULL);")
			.write("U1__create_people.sql", "DROP TABLE people");
		Stepwise expandRelease = configure().javaMigrations(new V2__Expand_full_name()).load();
		expandRelease.migrate();

		// Old code writes the old column, new code the new one: both stay in sync.
		this.sql.execute("INSERT INTO people (id, name) VALUES (4, 'dora')");
		this.sql.execute("UPDATE people SET full_name = 'Ann B' WHERE id = 1");
		assertThat(this.sql.column("SELECT CONCAT(name, '=', full_name) FROM people WHERE id IN (1, 2, 4) ORDER BY id"))
			.containsExactly("Ann B=Ann B", "bob=bob", "dora=dora");
		assertThat(expandRelease.expansions()).singleElement().satisfies((expansion) -> {
			assertThat(expansion.id()).isEqualTo("people.full_name");
			assertThat(expansion.backfill()).isNotNull();
			assertThat(expansion.backfill().done()).isTrue();
		});

		// The contract release starts while an instance of the old release still runs.
		expandRelease.instances().register("old-pod", "host-a", MigrationVersion.parse("1"));
		Stepwise contractRelease = configure().javaMigrations(new V2__Expand_full_name(), new V3__Contract_full_name())
			.load();
		assertThat(contractRelease.migrate().applied()).extracting((m) -> m.version().toString()).containsExactly("3");
		assertThat(contractRelease.expansions()).singleElement().satisfies((expansion) -> {
			assertThat(expansion.contractDeferred()).isTrue();
			assertThat(expansion.waitingFor()).extracting((instance) -> instance.instanceId()).containsExactly("old-pod");
		});
		assertThat(this.sql.columns("people")).contains("name", "full_name");

		contractRelease.instances().deregister("old-pod");
		assertThat(contractRelease.retryDeferredContracts()).singleElement()
			.satisfies((result) -> assertThat(result.contracted()).isTrue());
		assertThat(this.sql.columns("people")).contains("full_name").doesNotContain("name");

		// Undoing the contract brings the old column back with its data; undoing the expand drops the new one.
		contractRelease.rollbackLast(1);
		assertThat(this.sql.column("SELECT name FROM people WHERE id = 1")).containsExactly("Ann B");
		contractRelease.rollbackLast(1);
		assertThat(this.sql.columns("people")).contains("name").doesNotContain("full_name");
		assertThat(this.sql.column("SELECT name FROM people ORDER BY id")).containsExactly("Ann B", "bob", null, "dora");
		assertThat(contractRelease.expansions()).isEmpty();
	}

	@Test
	void newCodeWritesOnlyTheNewColumnOfARenamedNotNullColumn() throws Exception {
		this.scripts.write("V1__create_people.sql", "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
				+ "INSERT INTO people (id, name) VALUES (1, 'ann');")
			.write("U1__create_people.sql", "DROP TABLE people");
		Stepwise stepwise = configure().javaMigrations(new V2__Expand_full_name()).load();
		stepwise.migrate();
		this.sql.execute("INSERT INTO people (id, full_name) VALUES (2, 'bob')");
		assertThat(this.sql.column("SELECT name FROM people ORDER BY id")).containsExactly("ann", "bob");

		stepwise.rollbackLast(1);
		assertThat(this.sql.columns("people")).doesNotContain("full_name");
		assertThatThrownBy(() -> this.sql.execute("INSERT INTO people (id) VALUES (3)"))
			.hasRootCauseInstanceOf(java.sql.SQLException.class);
	}

	@Test
	void backfillsRunFromMigrationsAndExpandsCanLeaveThemToTheBackground() {
		this.scripts.write("V1__create_people.sql", "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(100),"
				+ " shout VARCHAR(100));\nINSERT INTO people (id, name) VALUES (1, 'ann'), (2, 'bob'), (3, 'cy');");
		Stepwise stepwise = configure().javaMigrations(new V2__Shout_names(), new V3__Expand_in_background()).load();
		stepwise.migrate();
		assertThat(this.sql.column("SELECT shout FROM people ORDER BY id")).containsExactly("ANN", "BOB", "CY");

		// The expand left its backfill to the background: new writes are synced, old rows wait.
		this.sql.execute("INSERT INTO people (id, name) VALUES (4, 'dee')");
		assertThat(this.sql.column("SELECT label FROM people ORDER BY id")).containsExactly(null, null, null, "dee");
		assertThat(stepwise.resumeBackfills()).containsExactly("people.label");
		assertThat(this.sql.column("SELECT label FROM people ORDER BY id")).containsExactly("ann", "bob", "cy", "dee");
		assertThat(stepwise.info().expansions()).singleElement()
			.satisfies((expansion) -> assertThat(expansion.backfill().done()).isTrue());
		assertThat(stepwise.resumeBackfills()).isEmpty();
	}

	private CatalogSnapshot snapshot() throws Exception {
		try (java.sql.Connection connection = this.database.dataSource().getConnection()) {
			return CatalogSnapshot.take(connection, this.database.type());
		}
	}

	/** Reversible by construction: a table with an index and a check. */
	static final class V2__Add_profile extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.createTable("profiles", (table) -> table.id("id").column("user_id", Type.integer()).notNull()
				.column("bio", Type.text()))
				.addIndex("profiles", "profiles_user", "user_id")
				.addCheck("profiles", "profiles_user_positive", "user_id > 0")
				.addColumn("users", Column.of("nickname", Type.varchar(30)));
		}

	}

	/** The expand release of a rename: people.name becomes people.full_name. */
	static final class V2__Expand_full_name extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.expand(ColumnChange.renameColumn("people", "name", "full_name"));
		}

	}

	/** A later release: no instance needs people.name any more. */
	static final class V3__Contract_full_name extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.contract("people.full_name");
		}

	}

	/** A data migration in batches. */
	static final class V2__Shout_names extends BaseJavaMigration {

		@Override
		public void up(MigrationContext context) throws Exception {
			context.backfill("people").set("shout", "UPPER(name)").run();
		}

	}

	/** A rename whose backfill runs after start-up. */
	static final class V3__Expand_in_background extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.expand(ColumnChange.renameColumn("people", "name", "label").backfillInBackground());
		}

	}

	/** Drops a column without its definition: there is no automatic way back. */
	static final class V2__Drop_nickname extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.dropColumn("users", "nickname");
		}

	}

	/** A Java migration with an undo, named like a script. */
	static final class V2_5__Add_admin extends BaseJavaMigration {

		@Override
		public void up(MigrationContext context) throws Exception {
			context.execute("INSERT INTO users (id, email) VALUES (99, 'admin@example.com')");
		}

		@Override
		public void down(MigrationContext context) throws Exception {
			context.execute("DELETE FROM users WHERE id = 99");
		}

	}

}
