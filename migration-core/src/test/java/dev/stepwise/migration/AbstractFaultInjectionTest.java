package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.stepwise.migration.api.LockLostException;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RollbackRefusedException;
import dev.stepwise.migration.api.RollbackResult;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.api.StepwiseListener;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.history.HistoryTable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Faults caused on purpose, on every database: the run lock's session or the migration's
 * own session is killed from a second connection (as a proxy's idle timeout, a failover or
 * an operator would) at a chosen point, and the test asserts exactly once, the history,
 * the message, and what the next run does.
 * <p>
 * The chosen points are signalled, never slept for: a listener call before a migration
 * starts, or a statement of the script that waits on a row the test holds locked (the
 * "gate"), observed through the database's own view of waiting sessions.
 * <p>
 * Over 400 lines on purpose: each fault the Guarantees section promises to survive, read as one list.
 */
abstract class AbstractFaultInjectionTest extends AbstractEmptyDatabaseTest {

	private static final String SETUP = """
			CREATE TABLE seeds (id INT);
			CREATE TABLE gate (n INT);
			INSERT INTO gate (n) VALUES (0);
			""";

	private Connection admin;

	private Connection gate;

	/** A query of one row and column: the id of the current session, as {@link #kill} takes it. */
	abstract String sessionIdQuery();

	/** The statement that kills a session the way an operator or a proxy would. */
	abstract String kill(long session);

	/** A query that counts the session on the server: 0 once it is gone. */
	abstract String sessionCount(long session);

	/** A query that counts the session among those waiting for a row lock: 1 while it waits. */
	abstract String lockWaiterCount(long session);

	/** Whether DDL commits by itself here, so a migration can take partial effect. */
	abstract boolean ddlCommits();

	@BeforeEach
	void openAdminConnection() throws SQLException {
		this.admin = this.database.dataSource().getConnection();
	}

	@AfterEach
	void closeConnections() throws SQLException {
		if (this.gate != null) {
			this.gate.close();
		}
		this.admin.close();
	}

	SessionsOfARun instance() {
		return new SessionsOfARun(this.database.url(), sessionIdQuery());
	}

	StepwiseConfiguration.Builder configure(SessionsOfARun sessions) {
		// A long DDL lock timeout: the gate, not the timeout, decides when a statement goes on.
		return Stepwise.configure()
			.dataSource(sessions)
			.locations(this.scripts.location())
			.ddlLockTimeout(java.time.Duration.ofSeconds(60))
			.lockWaitTimeout(java.time.Duration.ofSeconds(60));
	}

	@Test
	void lostLockBeforeAMigrationStartsStopsTheRunAndNamesWhatRan() {
		this.scripts.write("V1__setup.sql", SETUP);
		this.scripts.write("V2__second.sql", "CREATE TABLE t2 (id INT)");
		this.scripts.write("V3__third.sql", "CREATE TABLE t3 (id INT)");
		SessionsOfARun sessions = instance();
		StepwiseListener killLockBeforeV2 = new StepwiseListener() {
			@Override
			public void beforeMigrate(MigrationEvent migration) {
				if (MigrationVersion.parse("2").equals(migration.version())) {
					killAndAwait(sessions.lockSession());
				}
			}
		};
		Throwable failure = catchThrowable(() -> configure(sessions).listeners(killLockBeforeV2).load().migrate());
		assertThat(failure).isInstanceOf(StepwiseException.class)
			.hasMessageContaining("migration lock")
			.hasMessageContaining("was lost before V2__second.sql")
			.hasMessageContaining("Applied in this run before: V1__setup.sql")
			.hasMessageContaining("Nothing of V2__second.sql ran");
		assertThat(this.sql.column("SELECT version FROM stepwise_history")).containsExactly("1");
		assertThat(this.sql.tableExists("t2")).isFalse();
		MigrateResult next = configure(instance()).load().migrate();
		assertThat(next.applied()).extracting((applied) -> applied.version().toString()).containsExactly("2", "3");
	}

	@Test
	void lostLockWhileAdoptingFlywaysHistoryAdoptsNothing() {
		this.scripts.write("V1__setup.sql", SETUP);
		this.scripts.write("V2__second.sql", "CREATE TABLE t2 (id INT)");
		Flyway.configure().dataSource(this.database.dataSource()).locations(this.scripts.location()).load().migrate();
		SessionsOfARun sessions = instance();
		StepwiseListener killLockOnceTaken = new StepwiseListener() {
			@Override
			public void lockAcquired(java.time.Duration waited) {
				killAndAwait(sessions.lockSession());
			}
		};
		assertThatThrownBy(() -> configure(sessions).listeners(killLockOnceTaken).load().migrate())
			.isInstanceOf(LockLostException.class)
			.hasMessageContaining("was lost while adopting Flyway's history")
			.hasMessageContaining("Nothing was adopted")
			.hasMessageContaining("has no rows");
		assertThat(this.sql.count("SELECT COUNT(*) FROM stepwise_history")).isZero();
		MigrateResult next = configure(instance()).load().migrate();
		assertThat(next.applied()).isEmpty();
		assertThat(this.sql.column("SELECT version FROM stepwise_history WHERE version IS NOT NULL"
				+ " ORDER BY installed_rank")).containsExactly("1", "2");
	}

	@Test
	void lostLockBeforeARollbackStepStopsTheRollbackAndNamesWhatWasUndone() {
		this.scripts.write("V1__setup.sql", SETUP);
		this.scripts.write("V2__second.sql", "CREATE TABLE t2 (id INT)");
		this.scripts.write("U2__second.sql", "DROP TABLE t2");
		this.scripts.write("V3__third.sql", "CREATE TABLE t3 (id INT)");
		this.scripts.write("U3__third.sql", "DROP TABLE t3");
		configure(instance()).load().migrate();
		SessionsOfARun sessions = instance();
		StepwiseListener killLockBeforeU2 = new StepwiseListener() {
			@Override
			public void beforeRollback(MigrationEvent migration) {
				if (MigrationVersion.parse("2").equals(migration.version())) {
					killAndAwait(sessions.lockSession());
				}
			}
		};
		assertThatThrownBy(() -> configure(sessions).listeners(killLockBeforeU2).load().rollbackLast(2))
			.isInstanceOf(StepwiseException.class)
			.hasMessageContaining("was lost before U2__second.sql")
			.hasMessageContaining("Rolled back in this run before: U3__third.sql")
			.hasMessageContaining("Nothing of U2__second.sql ran");
		assertThat(this.sql.tableExists("t2")).isTrue();
		assertThat(this.sql.tableExists("t3")).isFalse();
		assertThat(this.sql.column("SELECT version FROM stepwise_history WHERE rolled_back_on IS NULL ORDER BY installed_rank"))
			.containsExactly("1", "2");
	}

	@Test
	void lostLockDuringANoTransactionScriptLetsNoOtherInstanceApplyItAgain() throws Exception {
		SessionsOfARun first = instance();
		CompletableFuture<MigrateResult> firstRun = noTransactionSeedWaitingAtTheGate(first);
		killAndAwait(first.lockSession());
		SessionsOfARun second = instance();
		CompletableFuture<MigrateResult> secondRun = migrateInTheBackground(second);
		awaitTheGate(secondRun, second);
		openGate();
		Throwable firstFailure = failureOf(firstRun);
		Throwable secondFailure = failureOf(secondRun);
		assertThat(this.sql.count("SELECT COUNT(*) FROM seeds")).as("seed rows").isEqualTo(1);
		assertThat(firstFailure).isInstanceOf(StepwiseException.class)
			.hasMessageContaining("migration lock")
			.hasMessageContaining("was lost")
			.hasMessageContaining("V2__seed.sql")
			.hasMessageContaining("recorded as FAILED");
		assertThat(secondFailure).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("V2__seed.sql")
			.hasMessageContaining("repair()");
		assertThat(successOfVersion2()).containsExactly(false);
	}

	@Test
	void anInstanceStartingDuringAMigrationWaitsForItInsteadOfTakingItsStartRecordForAFailure() throws Exception {
		SessionsOfARun first = instance();
		CompletableFuture<MigrateResult> firstRun = noTransactionSeedWaitingAtTheGate(first);
		SessionsOfARun second = instance();
		CompletableFuture<MigrateResult> secondRun = migrateInTheBackground(second);
		await(() -> secondRun.isDone() || second.askedForTheLock());
		openGate();
		assertThat(failureOf(firstRun)).isNull();
		assertThat(failureOf(secondRun)).isNull();
		assertThat(secondRun.get().applied()).isEmpty();
		assertThat(successOfVersion2()).containsExactly(true);
		assertThat(this.sql.count("SELECT COUNT(*) FROM seeds")).as("seed rows").isEqualTo(1);
	}

	@Test
	void lostMigrationConnectionIsRecordedAndTheNextRunRefusesOrRecovers() throws Exception {
		this.scripts.write("V1__setup.sql", SETUP);
		configure(instance()).load().migrate();
		this.scripts.write("V2__seed.sql", """
				INSERT INTO seeds (id) VALUES (1);
				CREATE TABLE t2 (id INT);
				UPDATE gate SET n = n + 1;
				CREATE TABLE t3 (id INT);
				""");
		closeGate();
		SessionsOfARun sessions = instance();
		CompletableFuture<MigrateResult> run = migrateInTheBackground(sessions);
		awaitTheGate(run, sessions);
		killTheSessionAtTheGate(sessions);
		openGate();
		Throwable failure = failureOf(run);
		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("V2__seed.sql (version 2) failed at line 3")
			.hasMessageContaining("lost its connection")
			.hasMessageNotContaining("Fix it");
		if (ddlCommits()) {
			// The INSERT was committed by the CREATE TABLE after it: two statements took effect.
			assertThat(failure).hasMessageContaining("The 2 statement(s) before it had taken effect")
				.hasMessageContaining("recorded as FAILED");
			assertThat(successOfVersion2()).containsExactly(false);
			assertThatThrownBy(() -> configure(instance()).load().migrate())
				.isInstanceOf(MigrationValidationException.class)
				.hasMessageContaining("V2__seed.sql")
				.hasMessageContaining("repair()");
		}
		else {
			assertThat(failure).hasMessageContaining("Nothing of it was applied").hasMessageContaining("migrate again");
			assertThat(successOfVersion2()).isEmpty();
			assertThat(configure(instance()).load().migrate().applied()).hasSize(1);
		}
		assertThat(this.sql.count("SELECT COUNT(*) FROM seeds")).as("seed rows").isEqualTo(1);
	}

	@Test
	void lostRollbackConnectionIsRecordedAsRollbackFailedThroughAFreshConnection() throws Exception {
		this.scripts.write("V1__setup.sql", SETUP)
			.write("V2__tables.sql", "CREATE TABLE t2 (id INT);\nCREATE TABLE t3 (id INT);")
			.write("U2__tables.sql", "DROP TABLE t2;\nUPDATE gate SET n = n + 1;\nDROP TABLE t3;");
		configure(instance()).load().migrate();
		closeGate();
		SessionsOfARun sessions = instance();
		CompletableFuture<RollbackResult> run = CompletableFuture
			.supplyAsync(() -> configure(sessions).load().rollbackLast(1));
		awaitTheGate(run, sessions);
		killTheSessionAtTheGate(sessions);
		openGate();
		Throwable failure = failureOf(run);
		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("U2__tables.sql (version 2) failed at line 2")
			.hasMessageContaining("lost its connection");
		Stepwise next = configure(instance()).load();
		if (ddlCommits()) {
			// DROP TABLE t2 committed by itself: the history must not say APPLIED, although the
			// rollback's own connection was gone when it tried to record that.
			assertThat(failure).hasMessageContaining("recorded as ROLLBACK_FAILED");
			assertThat(this.sql.tableExists("t2")).isFalse();
			assertThat(next.info().migrations()).extracting((m) -> m.version() + ":" + m.state())
				.containsExactly("1:APPLIED", "2:ROLLBACK_FAILED");
			assertThatThrownBy(() -> next.rollbackLast(1)).isInstanceOf(RollbackRefusedException.class)
				.hasMessageContaining("repair");
		}
		else {
			assertThat(failure).hasMessageContaining("Nothing was undone");
			assertThat(this.sql.tableExists("t2")).isTrue();
			assertThat(next.info().migrations()).extracting((m) -> m.version() + ":" + m.state())
				.containsExactly("1:APPLIED", "2:APPLIED");
		}
	}

	@Test
	void lockTimeoutMessageSaysWhatTookEffectAndDoesNotBlameTheScript() throws Exception {
		this.scripts.write("V1__setup.sql", SETUP);
		configure(instance()).load().migrate();
		this.scripts.write("V2__add_name.sql", """
				CREATE TABLE t2 (id INT);
				ALTER TABLE seeds ADD COLUMN name VARCHAR(10);
				""");
		try (Connection blocker = this.database.dataSource().getConnection()) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				statement.execute("INSERT INTO seeds (id) VALUES (7)");
			}
			Throwable failure = catchThrowable(() -> configure(instance()).ddlLockTimeout(java.time.Duration.ofMillis(300))
				.ddlRetries(0)
				.load()
				.migrate());
			blocker.rollback();
			assertThat(failure).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("could not get a lock")
				.hasMessageNotContaining("Fix it")
				.hasMessageNotContaining("Fix V2");
			if (ddlCommits()) {
				assertThat(failure).hasMessageContaining("The 1 statement(s) before it had taken effect")
					.hasMessageNotContaining("Nothing of it was applied")
					.hasMessageContaining("once the blocking transaction has ended");
			}
			else {
				assertThat(failure).hasMessageContaining("Nothing of it was applied")
					.hasMessageContaining("migrate again");
			}
		}
	}

	@Test
	void aSecondInEffectRecordOfOneVersionIsRefusedWhileRolledBackOnesMayRepeat() throws Exception {
		this.scripts.write("V1__setup.sql", SETUP);
		this.scripts.write("U1__setup.sql", "DROP TABLE gate; DROP TABLE seeds;");
		Stepwise stepwise = configure(instance()).load();
		stepwise.migrate();
		stepwise.rollbackLast(1);
		stepwise.migrate(MigrateOptions.defaults().includingRolledBack());
		assertThat(this.sql.column("SELECT version FROM stepwise_history")).containsExactly("1", "1");
		try (Connection connection = this.database.dataSource().getConnection()) {
			Dialect dialect = Dialect.of(connection);
			HistoryTable history = new HistoryTable(dialect, dialect.currentSchema(connection), "stepwise_history");
			AppliedMigration twice = new AppliedMigration(99, MigrationVersion.parse("1"), "setup", MigrationType.SQL,
					"V1__setup.sql", 0, "another instance", Instant.now(), java.time.Duration.ZERO, true, null, null,
					null);
			assertThatThrownBy(() -> history.append(connection, twice)).isInstanceOf(SQLException.class);
		}
		assertThat(this.sql.column("SELECT version FROM stepwise_history")).containsExactly("1", "1");
	}

	private java.util.List<Boolean> successOfVersion2() {
		return this.sql.column("SELECT success FROM stepwise_history WHERE version = '2'")
			.stream()
			.map((value) -> value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("t"))
			.toList();
	}

	/**
	 * Applies the setup, then starts a run of a no-transaction seed script in the background
	 * and returns once it waits at the closed gate, its seed row written.
	 */
	private CompletableFuture<MigrateResult> noTransactionSeedWaitingAtTheGate(SessionsOfARun sessions)
			throws SQLException {
		this.scripts.write("V1__setup.sql", SETUP);
		configure(instance()).load().migrate();
		this.scripts.write("V2__seed.sql", """
				-- stepwise:no-transaction
				INSERT INTO seeds (id) VALUES (1);
				UPDATE gate SET n = n + 1;
				""");
		closeGate();
		CompletableFuture<MigrateResult> run = migrateInTheBackground(sessions);
		awaitTheGate(run, sessions);
		return run;
	}

	private CompletableFuture<MigrateResult> migrateInTheBackground(SessionsOfARun sessions) {
		return CompletableFuture.supplyAsync(() -> configure(sessions).load().migrate());
	}

	/** Waits until one of the run's sessions waits at the gate, or the run has ended. */
	private void awaitTheGate(CompletableFuture<?> run, SessionsOfARun sessions) {
		await(() -> run.isDone() || sessions.workSessions().stream().anyMatch(this::waiting));
	}

	private void killTheSessionAtTheGate(SessionsOfARun sessions) {
		killAndAwait(sessions.workSessions().stream().filter(this::waiting).findFirst().orElseThrow());
	}

	/** Holds the gate row locked, so a statement that updates it waits until {@link #openGate()}. */
	private void closeGate() throws SQLException {
		this.gate = this.database.dataSource().getConnection();
		this.gate.setAutoCommit(false);
		try (Statement statement = this.gate.createStatement()) {
			statement.execute("UPDATE gate SET n = n + 100");
		}
	}

	private void openGate() throws SQLException {
		this.gate.rollback();
		this.gate.setAutoCommit(true);
	}

	private boolean waiting(long session) {
		return adminCount(lockWaiterCount(session)) == 1;
	}

	void killAndAwait(long session) {
		try (Statement statement = this.admin.createStatement()) {
			statement.execute(kill(session));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		await(() -> adminCount(sessionCount(session)) == 0);
	}

	/** A count read through the admin connection, which the faults never touch. */
	private int adminCount(String query) {
		try (Statement statement = this.admin.createStatement(); ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Polls a condition of the database or of a run; a bound only turns a hang into a failure. */
	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The awaited state never came");
			}
			Thread.onSpinWait();
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private static Throwable failureOf(CompletableFuture<?> run) throws Exception {
		try {
			run.get(120, TimeUnit.SECONDS);
			return null;
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
	}

}
