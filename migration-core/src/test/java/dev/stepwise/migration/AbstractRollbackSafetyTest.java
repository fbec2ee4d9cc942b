package dev.stepwise.migration;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RepairRequest;
import dev.stepwise.migration.api.RepairResult;
import dev.stepwise.migration.api.RollbackRefusedException;
import dev.stepwise.migration.api.RollbackRequest;
import dev.stepwise.migration.java.BaseJavaMigration;
import dev.stepwise.migration.java.MigrationContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the history says after failures of rollbacks and migrations, what repair can set
 * right, and what migrate and rollback refuse: written once, run on every database.
 * <p>
 * Over 400 lines on purpose: every failure state of the history and its way out, read as one list.
 */
abstract class AbstractRollbackSafetyTest extends AbstractEmptyDatabaseTest {

	boolean ddlIsTransactional() {
		return type() == DatabaseType.POSTGRESQL;
	}

	List<String> states(Stepwise stepwise) {
		return stepwise.info().migrations().stream().map((m) -> m.version() + ":" + m.state()).toList();
	}

	int historyRows() {
		return this.sql.count("SELECT COUNT(*) FROM stepwise_history");
	}

	/** V1 a base table; V2 two tables, whose undo has a typo in its second statement. */
	void writeMigrationsWithABrokenUndo() {
		this.scripts.write("V1__base.sql", "CREATE TABLE base (id INT PRIMARY KEY)")
			.write("U1__base.sql", "DROP TABLE base")
			.write("V2__two_tables.sql", "CREATE TABLE t1 (id INT);\nCREATE TABLE t2 (id INT);")
			.write("U2__two_tables.sql", "DROP TABLE t1;\nDROP TABLE t2_typo;");
	}

	// Item 3: a partial rollback is recorded, shown, blocks, and repair settles it.

	@Test
	void partialRollbackIsRecordedAsRollbackFailedAndRepairMarksItRolledBack() {
		writeMigrationsWithABrokenUndo();
		Stepwise stepwise = stepwise();
		stepwise.migrate();
		int rows = historyRows();

		if (ddlIsTransactional()) {
			assertThatThrownBy(() -> stepwise.rollbackLast(1)).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("U2__two_tables.sql (version 2) failed at line 2")
				.hasMessageContaining("Nothing was undone")
				.hasMessageContaining("stays applied");
			// PostgreSQL's DDL is transactional: the first DROP was rolled back with the rest.
			assertThat(this.sql.tableExists("t1")).isTrue();
			assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:APPLIED");
			return;
		}
		assertThatThrownBy(() -> stepwise.rollbackLast(1)).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("U2__two_tables.sql (version 2) failed at line 2")
			.hasMessageContaining("DROP TABLE t2_typo")
			.hasMessageContaining("1 statement(s) before it had taken effect")
			.hasMessageContaining("ROLLBACK_FAILED")
			.hasMessageContaining("markRolledBack(\"2\")")
			.hasMessageContaining("markApplied(\"2\")");
		assertThat(this.sql.tableExists("t1")).isFalse();
		assertThat(this.sql.tableExists("t2")).isTrue();
		assertThat(historyRows()).isEqualTo(rows);
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:ROLLBACK_FAILED");
		MigrationInfo v2 = stepwise.info().migrations().get(1);
		assertThat(v2.rolledBackBy()).isNotBlank();
		assertThat(stepwise.info().failed()).extracting(MigrationInfo::script).containsExactly("V2__two_tables.sql");
		assertThat(stepwise.info().currentVersion()).hasToString("1");

		// Neither a migrate nor another rollback runs over the half-undone migration.
		assertThatThrownBy(() -> stepwise.migrate(MigrateOptions.defaults().includingRolledBack()))
			.isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("V2__two_tables.sql (version 2)")
			.hasMessageContaining("rollback")
			.hasMessageContaining("markRolledBack");
		assertThatThrownBy(() -> stepwise.rollbackLast(1)).isInstanceOf(RollbackRefusedException.class)
			.hasMessageContaining("V2__two_tables.sql (version 2)")
			.hasMessageContaining("repair");
		assertThat(this.sql.tableExists("base")).isTrue();

		// A plain repair cannot know how the person left the schema: it changes nothing and says so.
		RepairResult plain = stepwise.repair();
		assertThat(plain.actions()).isEmpty();
		assertThat(plain.unresolved()).singleElement().asString()
			.contains("V2__two_tables.sql (version 2)")
			.contains("markRolledBack(\"2\")");
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:ROLLBACK_FAILED");

		// The dry run lists the change and makes none.
		RepairResult planned = stepwise.repair(RepairRequest.defaults().markRolledBack("2").asDryRun());
		assertThat(planned.dryRun()).isTrue();
		assertThat(planned.actions()).singleElement().satisfies((action) -> {
			assertThat(action.kind()).isEqualTo(RepairResult.Kind.MARK_ROLLED_BACK);
			assertThat(action.version()).hasToString("2");
			assertThat(action.script()).isEqualTo("V2__two_tables.sql");
		});
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:ROLLBACK_FAILED");

		// The person finishes the undo by hand, then says so.
		this.sql.execute("DROP TABLE t2");
		RepairResult repaired = stepwise.repair(RepairRequest.defaults().markRolledBack("2"));
		assertThat(repaired.actions()).extracting(RepairResult.Action::kind)
			.containsExactly(RepairResult.Kind.MARK_ROLLED_BACK);
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:ROLLED_BACK");
		stepwise.validate();
		assertThat(stepwise.migrate(MigrateOptions.defaults().includingRolledBack()).applied())
			.extracting((m) -> m.version().toString())
			.containsExactly("2");
		assertThat(this.sql.tableExists("t1")).isTrue();
	}

	@Test
	void repairMarksAFailedRollbackAppliedOnceThePersonRestoredTheSchema() {
		writeMigrationsWithABrokenUndo();
		Stepwise stepwise = stepwise();
		stepwise.migrate();
		assertThatThrownBy(() -> stepwise.rollbackLast(1)).isInstanceOf(MigrationFailedException.class);
		if (ddlIsTransactional()) {
			assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:APPLIED");
			return;
		}
		this.sql.execute("CREATE TABLE t1 (id INT)");
		stepwise.repair(RepairRequest.defaults().markApplied("2"));
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:APPLIED");
		assertThat(stepwise.info().currentVersion()).hasToString("2");
		assertThat(stepwise.info().migrations().get(1).rolledBackBy()).isNull();

		// With its undo fixed, the rollback now goes through.
		this.scripts.write("U2__two_tables.sql", "DROP TABLE t1;\nDROP TABLE t2;");
		assertThat(stepwise.rollbackLast(1).rolledBack()).hasSize(1);
		assertThat(this.sql.tableExists("t2")).isFalse();
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:ROLLED_BACK");
	}

	@Test
	void partialRollbackOutsideATransactionIsRecordedOnEveryDatabase() {
		// PostgreSQL included: an undo that runs without a transaction keeps what it did before it failed.
		this.scripts.write("V1__base.sql", "CREATE TABLE base (id INT PRIMARY KEY)")
			.write("V2__two_tables.sql", "CREATE TABLE t1 (id INT);\nCREATE TABLE t2 (id INT);")
			.write("U2__two_tables.sql", "-- stepwise:no-transaction\nDROP TABLE t1;\nDROP TABLE t2_typo;");
		Stepwise stepwise = stepwise();
		stepwise.migrate();
		assertThatThrownBy(() -> stepwise.rollbackLast(1)).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("1 statement(s) before it had taken effect")
			.hasMessageContaining("ROLLBACK_FAILED");
		assertThat(this.sql.tableExists("t1")).isFalse();
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:ROLLBACK_FAILED");
		this.sql.execute("DROP TABLE t2");
		stepwise.repair(RepairRequest.defaults().markRolledBack("2"));
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:ROLLED_BACK");
	}

	@Test
	void repairRefusesToMarkAMigrationWhoseRollbackDidNotFail() {
		writeMigrationsWithABrokenUndo();
		Stepwise stepwise = stepwise();
		stepwise.migrate();
		assertThatThrownBy(() -> stepwise.repair(RepairRequest.defaults().markRolledBack("2")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("version 2")
			.hasMessageContaining("APPLIED")
			.hasMessageContaining("ROLLBACK_FAILED");
		assertThatThrownBy(() -> stepwise.repair(RepairRequest.defaults().markApplied("9")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("version 9");
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:APPLIED");
	}

	@Test
	void repairDryRunListsRemovedFailuresAndAcceptedChecksumsWithoutChangingThem() {
		this.scripts.write("V1__base.sql", "CREATE TABLE base (id INT PRIMARY KEY)");
		Stepwise failing = configure().javaMigrations(new V2__Half_built()).load();
		assertThatThrownBy(failing::migrate).isInstanceOf(MigrationFailedException.class);
		this.scripts.write("V1__base.sql", "-- the table of everything\nCREATE TABLE base (id INT PRIMARY KEY)");
		assertThatThrownBy(failing::migrate).isInstanceOf(MigrationValidationException.class);

		RepairResult planned = failing.repair(RepairRequest.defaults().asDryRun());
		assertThat(planned.actions()).extracting((action) -> action.kind() + " " + action.version())
			.containsExactlyInAnyOrder("ACCEPT_CHECKSUM 1", "REMOVE_FAILED 2");
		assertThat(states(failing)).containsExactly("1:APPLIED", "2:FAILED");

		RepairResult done = failing.repair();
		assertThat(done.actions()).hasSize(2);
		assertThat(states(failing)).containsExactly("1:APPLIED", "2:PENDING");
	}

	// Item 4: no rollback over a failed migration.

	@Test
	void rollbackIsRefusedBeforeAnythingRunsWhenAFailedMigrationLiesAboveTheTarget() {
		this.scripts.write("V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY)")
			.write("U1__users.sql", "DROP TABLE users")
			.write("V2__orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT)")
			.write("U2__orders.sql", "DROP TABLE orders");
		Stepwise stepwise = configure().javaMigrations(new V3__Half_built_notes()).load();
		assertThatThrownBy(stepwise::migrate).isInstanceOf(MigrationFailedException.class);
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:APPLIED", "3:FAILED");
		int rows = historyRows();

		for (RollbackRequest request : List.of(RollbackRequest.toVersion("1"), RollbackRequest.toVersion("0"),
				RollbackRequest.last(1), RollbackRequest.toVersion("1").asDryRun())) {
			assertThatThrownBy(() -> stepwise.rollback(request)).isInstanceOf(RollbackRefusedException.class)
				.hasMessageContaining("nothing was changed")
				.hasMessageContaining("V3__Half_built_notes")
				.hasMessageContaining("version 3")
				.hasMessageContaining("FAILED")
				.hasMessageContaining("repair()");
		}
		assertThat(this.sql.tableExists("orders")).isTrue();
		assertThat(this.sql.tableExists("notes")).isTrue();
		assertThat(historyRows()).isEqualTo(rows);
		assertThat(states(stepwise)).containsExactly("1:APPLIED", "2:APPLIED", "3:FAILED");

		// Once the person removed the half-built table and repaired, the rollback runs.
		this.sql.execute("DROP TABLE notes");
		stepwise.repair();
		assertThat(stepwise.rollbackTo("0").rolledBack()).hasSize(2);
		assertThat(this.sql.tableExists("users")).isFalse();
	}

	// Item 5: an existing schema without a history is not migrated from V1.

	@Test
	void nonEmptySchemaWithoutHistoryIsRefusedNamingTheTablesAndTheWaysForward() {
		this.sql.execute("CREATE TABLE legacy_users (id INT PRIMARY KEY)");
		this.sql.execute("CREATE TABLE legacy_orders (id INT PRIMARY KEY)");
		this.scripts.write("V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY)");
		for (MigrateOptions options : List.of(MigrateOptions.defaults(), MigrateOptions.defaults().asDryRun())) {
			assertThatThrownBy(() -> stepwise().migrate(options)).isInstanceOf(MigrationValidationException.class)
				.hasMessageContaining("no history table")
				.satisfies((ex) -> assertThat(ex.getMessage()).containsIgnoringCase("legacy_orders, legacy_users"))
				.hasMessageContaining("baseline(")
				.hasMessageContaining("baselineOnMigrate");
		}
		assertThat(this.sql.tableExists("users")).isFalse();
		assertThat(this.sql.tableExists("stepwise_history")).isFalse();

		// Either way forward works.
		assertThat(configure().baselineOnMigrate(true).baselineVersion("0.9").load().migrate().applied()).hasSize(1);
		assertThat(this.sql.tableExists("users")).isTrue();
	}

	@Test
	void stepwisesOwnStateTablesDoNotMakeASchemaNonEmpty() throws Exception {
		this.scripts.write("V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY)");
		Stepwise stepwise = stepwise();
		stepwise.instances().register("pod-a", "host-a", MigrationVersion.parse("1"));
		assertThat(this.sql.tableExists("stepwise_instances")).isTrue();
		assertThat(stepwise.migrate().applied()).hasSize(1);
	}

	// Item 13: a newer release's failure does not stop an older release.

	@Test
	void aFailedMigrationOfANewerReleaseIsAWarningForAnOlderOne() {
		this.scripts.write("V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY)")
			.write("V2__orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT)");
		Stepwise newer = configure().javaMigrations(new V3__Half_built_notes()).load();
		assertThatThrownBy(newer::migrate).isInstanceOf(MigrationFailedException.class);

		// The old release restarts, or scales, while the new one's failure is being fixed.
		Stepwise older = stepwise();
		assertThat(older.migrate().applied()).isEmpty();
		older.validate();
		assertThat(states(older)).containsExactly("1:APPLIED", "2:APPLIED", "3:FAILED");
		assertThatThrownBy(() -> configure().ignoreFutureMigrations(false).load().migrate())
			.isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("version 3")
			.hasMessageContaining("newer release");
		// The newer release itself still refuses until repaired.
		assertThatThrownBy(newer::migrate).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("repair()");
	}

	// Item 14: no silent re-apply below a newer version.

	@Test
	void rolledBackMigrationsAreNotReappliedBelowANewerVersionWithoutOutOfOrder() {
		this.scripts.write("V1__a.sql", "CREATE TABLE a (id INT)").write("U1__a.sql", "DROP TABLE a")
			.write("V2__b.sql", "CREATE TABLE b (id INT)").write("U2__b.sql", "DROP TABLE b")
			.write("V3__c.sql", "CREATE TABLE c (id INT)").write("U3__c.sql", "DROP TABLE c");
		stepwise().migrate();
		stepwise().rollbackTo("1");
		this.scripts.write("V4__d.sql", "CREATE TABLE d (id INT)").write("U4__d.sql", "DROP TABLE d");
		// A rollback sticks: the next release's migrate applies only its own migration.
		assertThat(stepwise().migrate().applied()).extracting((m) -> m.version().toString()).containsExactly("4");
		int rows = historyRows();

		for (MigrateOptions options : List.of(MigrateOptions.defaults().includingRolledBack(),
				MigrateOptions.defaults().includingRolledBack().asDryRun())) {
			assertThatThrownBy(() -> stepwise().migrate(options)).isInstanceOf(MigrationValidationException.class)
				.hasMessageContaining("V2__b.sql (version 2)")
				.hasMessageContaining("V3__c.sql (version 3)")
				.hasMessageContaining("version 4")
				.hasMessageContaining("rollbackTo(\"1\")")
				.hasMessageContaining("outOfOrder(true)");
		}
		// An edited script below the current version is a new decision, but not an out-of-order one either.
		this.scripts.write("V2__b.sql", "CREATE TABLE b (id INT, name VARCHAR(10))");
		assertThatThrownBy(() -> stepwise().migrate()).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("V2__b.sql (version 2)");
		assertThat(this.sql.tableExists("b")).isFalse();
		assertThat(historyRows()).isEqualTo(rows);

		// The documented way: roll back what is above, then migrate in version order.
		stepwise().rollbackTo("1");
		assertThat(stepwise().migrate(MigrateOptions.defaults().includingRolledBack()).applied())
			.extracting((m) -> m.version().toString())
			.containsExactly("2", "3", "4");
		assertThat(this.sql.column("SELECT version FROM stepwise_history WHERE rolled_back_on IS NULL"
				+ " ORDER BY installed_rank")).containsExactly("1", "2", "3", "4");
	}

	@Test
	void outOfOrderAllowsReapplyingRolledBackMigrationsBelowANewerVersion() {
		this.scripts.write("V1__a.sql", "CREATE TABLE a (id INT)").write("U1__a.sql", "DROP TABLE a")
			.write("V2__b.sql", "CREATE TABLE b (id INT)").write("U2__b.sql", "DROP TABLE b");
		stepwise().migrate();
		stepwise().rollbackTo("1");
		this.scripts.write("V3__c.sql", "CREATE TABLE c (id INT)");
		stepwise().migrate();
		assertThat(configure().outOfOrder(true).load().migrate(MigrateOptions.defaults().includingRolledBack())
			.applied()).extracting((m) -> m.version().toString()).containsExactly("2");
		assertThat(this.sql.tableExists("b")).isTrue();
	}

	// Item 22: empty and comment-only migrations.

	@Test
	void emptyAndCommentOnlyMigrationsAreAppliedWithAWarning() {
		this.scripts.write("V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY)")
			.write("V2__nothing.sql", "")
			.write("V3__only_comments.sql", "-- to do: add the index\n/* later */\n");
		Logger logger = (Logger) LoggerFactory.getLogger("dev.stepwise.migration");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			assertThat(stepwise().migrate().applied()).hasSize(3);
		}
		finally {
			logger.detachAppender(appender);
		}
		assertThat(appender.list).filteredOn((event) -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
			.extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy((message) -> assertThat(message).contains("V2__nothing.sql").contains("no statement"))
			.anySatisfy((message) -> assertThat(message).contains("V3__only_comments.sql")
				.contains("failOnEmptyMigrations"));
	}

	@Test
	void emptyMigrationsAreRefusedBeforeAnythingRunsWithTheSetting() {
		this.scripts.write("V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY)")
			.write("U1__users.sql", "-- forgot the undo\n")
			.write("V2__nothing.sql", "")
			.write("V3__only_comments.sql", "-- to do: add the index\n/* later */\n");
		assertThatThrownBy(() -> configure().failOnEmptyMigrations(true).load().migrate())
			.isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("V2__nothing.sql")
			.hasMessageContaining("V3__only_comments.sql")
			.hasMessageContaining("failOnEmptyMigrations")
			.hasMessageContaining("stepwise.fail-on-empty-migrations");
		assertThat(this.sql.tableExists("users")).isFalse();

		// An empty undo is refused too, before it runs.
		this.scripts.delete("V2__nothing.sql").delete("V3__only_comments.sql");
		stepwise().migrate();
		assertThatThrownBy(() -> configure().failOnEmptyMigrations(true).load().rollbackLast(1))
			.isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("U1__users.sql");
		assertThat(states(stepwise())).containsExactly("1:APPLIED");
	}

	/** Builds a table, then fails outside a transaction: the FAILED record of item 2's kind. */
	static final class V3__Half_built_notes extends HalfBuilt {

		V3__Half_built_notes() {
			super("CREATE TABLE notes (id INT PRIMARY KEY, order_id INT REFERENCES orders (id))");
		}

	}

	/** The same failure at version 2. */
	static final class V2__Half_built extends HalfBuilt {

		V2__Half_built() {
			super("CREATE TABLE half (id INT PRIMARY KEY)");
		}

	}

	/** A migration that creates a table, then fails outside a transaction, so the table stays. */
	abstract static class HalfBuilt extends BaseJavaMigration {

		private final String createTable;

		HalfBuilt(String createTable) {
			this.createTable = createTable;
		}

		@Override
		public boolean transactional() {
			return false;
		}

		@Override
		public void up(MigrationContext context) throws Exception {
			context.execute(this.createTable);
			context.execute("INSERT INTO no_such_table VALUES (1)");
		}

	}

}
