package dev.stepwise.migration.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.LockLostException;
import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.PlannedMigration;
import dev.stepwise.migration.api.RollbackRefusedException;
import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.expand.Expansions;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.history.HistoryTable;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import dev.stepwise.migration.internal.sql.SqlScript;
import dev.stepwise.migration.internal.sql.SqlScriptParser;
import dev.stepwise.migration.internal.sql.SqlStatement;
import dev.stepwise.migration.java.JavaMigration;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.IrreversibleChangeException;
import dev.stepwise.migration.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Applies or undoes one migration:
 * <ol>
 * <li>open its transaction (unless it cannot run in one);</li>
 * <li>run its statements, or its Java {@code up}/{@code down};</li>
 * <li>write its history row (append, or mark rolled back) in the same transaction;</li>
 * <li>commit.</li>
 * </ol>
 * A lock timeout on PostgreSQL aborts the transaction, so there the whole migration is
 * rolled back and retried with backoff. A migration that may take partial effect (no
 * transaction, DDL that commits by itself, Java code) is recorded as FAILED before its
 * first statement, and that row becomes its record of success when it commits: a failure,
 * a crash or a lost session in between leaves a record that makes the next run refuse
 * until repaired. An undo that fails after part of it took effect marks its row
 * ROLLBACK_FAILED. The run's lock is checked before each migration starts and before it
 * commits.
 * <p>
 * Over 400 lines on purpose: the steps above share one connection and one half-done
 * state (start record, lock check, body, history write, failure message), and their order is
 * the guarantee; kept in one class, that order reads top to bottom.
 */
public final class MigrationExecutor {

	private static final MigrationEvent DDL_EVENT = new MigrationEvent(null, "expand/contract DDL", MigrationType.JAVA,
			"expand/contract");

	private final ExecutionSettings configuration;

	private final Dialect dialect;

	private final HistoryTable history;

	private final Listeners listeners;

	private final RetryingStatementRunner runner;

	private final String user;

	private final Expansions expansions;

	// Planning parses each script; applying it right after must not parse it again.
	private final Map<ScriptResource, SqlScript> parsed = new HashMap<>();

	private final FailureMessage failureMessage;

	// What this run finished, for a message that must say what ran before a failure.
	private final List<String> completed = new ArrayList<>();

	private LockCheck lock = LockCheck.NONE;

	private final ScriptPlaceholders placeholders;

	public MigrationExecutor(ExecutionSettings configuration, Dialect dialect, HistoryTable history,
			Listeners listeners, String user, ScriptPlaceholders placeholders) {
		this.configuration = configuration;
		this.placeholders = placeholders;
		this.dialect = dialect;
		this.history = history;
		this.listeners = listeners;
		this.user = user;
		this.failureMessage = new FailureMessage(configuration, dialect, history.name());
		this.runner = new RetryingStatementRunner(dialect, configuration.ddlRetries(), configuration.ddlRetryBackoff(),
				listeners);
		this.expansions = new Expansions(configuration.dataSource(), dialect.type(), history.schema(),
				configuration.expansion())
			.connectionsHeldByCaller(2, "the run's lock and its migration")
			.statementExecutor(this::executeDdl);
	}

	/**
	 * Makes every migration check, before it starts and before it commits, that the run
	 * still holds its lock.
	 * @return this executor
	 */
	public MigrationExecutor guardedBy(LockCheck lock) {
		this.lock = lock;
		return this;
	}

	/** What applying the migration will run. */
	public PlannedMigration planApply(Connection connection, ResolvedMigration migration) {
		if (migration.javaMigration() instanceof SchemaMigration schemaMigration) {
			Schema recorded = recordingSchema(connection);
			schemaMigration.change(recorded);
			return planned(migration, migration.script(), recorded.statements());
		}
		if (migration.javaMigration() != null) {
			JavaMigration java = migration.javaMigration();
			return planned(migration, migration.script(), List.of(migration.script() + ".up(context)"),
					java.transactional());
		}
		SqlScript script = parse(Objects.requireNonNull(migration.upScript()));
		return planned(migration, migration.script(), sql(script), script.transactional());
	}

	/**
	 * What undoing the migration will run.
	 * @throws RollbackRefusedException if it is a schema migration whose changes cannot all
	 * be undone
	 */
	public PlannedMigration planRollback(Connection connection, ResolvedMigration migration) {
		String undo = Objects.requireNonNull(migration.downScriptName());
		if (migration.javaMigration() instanceof SchemaMigration schemaMigration && !schemaMigration.hasOwnDown()) {
			try {
				return planned(migration, undo, schemaMigration.inverse(recordingSchema(connection)).statements());
			}
			catch (IrreversibleChangeException ex) {
				throw new RollbackRefusedException("Rollback refused, nothing was changed: " + migration.script()
						+ " (version " + migration.version() + ") cannot be undone automatically: " + ex.getMessage()
						+ ". Give the migration its own down().");
			}
		}
		if (migration.javaMigration() != null) {
			return planned(migration, undo, List.of(undo + "(context)"), migration.javaMigration().transactional());
		}
		SqlScript script = parse(Objects.requireNonNull(migration.downScript()));
		return planned(migration, undo, sql(script), script.transactional());
	}

	/**
	 * Applies a migration and appends its history row.
	 * @param connection the work connection, in auto-commit mode
	 * @param migration the migration
	 * @param rank its rank in the history
	 * @return what ran
	 */
	public ExecutedMigration apply(Connection connection, ResolvedMigration migration, int rank) {
		MigrationEvent event = event(migration, migration.script());
		Body body = body(migration, false);
		this.listeners.tell((listener) -> listener.beforeMigrate(event));
		long start = System.nanoTime();
		try {
			run(connection, event, body, (elapsed, marked) -> {
				if (marked) {
					this.history.markSucceeded(connection, rank, Instant.now(), elapsed);
				}
				else {
					this.history.append(connection, row(migration, rank, elapsed, true));
				}
			}, rank, null, migration);
		}
		catch (MigrationFailedException ex) {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			this.listeners.tell((listener) -> listener.migrateFailed(event, elapsed, ex));
			throw ex;
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		this.listeners.tell((listener) -> listener.afterMigrate(event, elapsed));
		return new ExecutedMigration(migration.version(), migration.description(), migration.type(),
				migration.script(), elapsed);
	}

	/**
	 * Applies migrations in one transaction with their history rows ({@code group}): all of
	 * them, or none when one fails or the lock is lost before the commit. The caller has
	 * refused a group with a migration that cannot run in it (no transaction, or a
	 * statement that commits by itself).
	 * <ol>
	 * <li>check that the run holds its lock;</li>
	 * <li>run each migration and append its history row, without committing;</li>
	 * <li>check the lock again and commit; on any failure roll everything back.</li>
	 * </ol>
	 * @param connection the work connection, in auto-commit mode
	 * @param migrations the migrations, in order
	 * @param firstRank the rank of the first one's history row
	 * @return what ran
	 */
	public List<ExecutedMigration> applyGroup(Connection connection, List<ResolvedMigration> migrations,
			int firstRank) {
		if (migrations.isEmpty()) {
			return List.of();
		}
		checkLockBeforeStart(event(migrations.get(0), migrations.get(0).script()), false);
		List<ExecutedMigration> executed = new ArrayList<>();
		List<MigrationEvent> events = new ArrayList<>();
		MigrationEvent current = null;
		Progress progress = new Progress();
		long groupStart = System.nanoTime();
		try {
			connection.setAutoCommit(false);
			int rank = firstRank;
			for (ResolvedMigration migration : migrations) {
				MigrationEvent event = event(migration, migration.script());
				current = event;
				this.listeners.tell((listener) -> listener.beforeMigrate(event));
				progress = new Progress();
				long start = System.nanoTime();
				body(migration, false).run(connection, event, progress);
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				this.history.append(connection, row(migration, rank++, elapsed, true));
				executed.add(new ExecutedMigration(migration.version(), migration.description(), migration.type(),
						migration.script(), elapsed));
				events.add(event);
			}
			String lost = this.lock.lostBecause();
			if (lost != null) {
				throw new LostLock(lost);
			}
			connection.commit();
		}
		catch (Exception ex) {
			rollbackQuietly(connection, true);
			MigrationEvent failed = Objects.requireNonNull(current);
			String message = groupFailure(failed, progress, ex, migrations);
			MigrationFailedException failure = (ex instanceof LostLock)
					? new LockLostException(message, failed.version(), failed.script())
					: new MigrationFailedException(message, failed.version(), failed.script(), ex);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - groupStart);
			this.listeners.tell((listener) -> listener.migrateFailed(failed, elapsed, failure));
			throw failure;
		}
		finally {
			autoCommitQuietly(connection);
		}
		for (int i = 0; i < executed.size(); i++) {
			MigrationEvent event = events.get(i);
			Duration elapsed = executed.get(i).executionTime();
			this.listeners.tell((listener) -> listener.afterMigrate(event, elapsed));
			this.completed.add(event.script());
		}
		return executed;
	}

	private String groupFailure(MigrationEvent failed, Progress progress, Exception ex,
			List<ResolvedMigration> migrations) {
		String scripts = String.join(", ", migrations.stream().map(ResolvedMigration::script).toList());
		String rolledBack = " The migrations ran as one group (stepwise.group=true), so the whole group was rolled"
				+ " back: none of " + scripts + " was applied, and " + this.history.name() + " has none of their rows.";
		if (ex instanceof LostLock) {
			return "The migration lock on " + this.history.name() + " was lost before the group commit ("
					+ ex.getMessage() + ")." + rolledBack + " Migrate again; find out what ended the lock's session (an"
					+ " idle timeout of a proxy or pooler, a failover, an operator).";
		}
		Throwable cause = (ex instanceof java.lang.reflect.InvocationTargetException wrapped
				&& wrapped.getCause() != null) ? wrapped.getCause() : ex;
		String line = (progress.statement() != null) ? " at line " + progress.line() : "";
		return failed.script() + ((failed.version() != null) ? " (version " + failed.version() + ")" : "")
				+ " failed" + line + ": " + cause.getMessage() + "." + rolledBack + " Fix " + failed.script()
				+ " and migrate again.";
	}

	/**
	 * Undoes a migration and marks its history row as rolled back.
	 * @param connection the work connection, in auto-commit mode
	 * @param migration the migration's source
	 * @param row its history row
	 * @return what ran
	 */
	public ExecutedMigration rollback(Connection connection, ResolvedMigration migration, AppliedMigration row) {
		String undo = Objects.requireNonNull(migration.downScriptName());
		MigrationEvent event = event(migration, undo);
		Body body = body(migration, true);
		this.listeners.tell((listener) -> listener.beforeRollback(event));
		long start = System.nanoTime();
		try {
			run(connection, event, body, (elapsed, marked) -> this.history.markRolledBack(connection,
					row.installedRank(), this.user, Instant.now(), undo), null, row, migration);
		}
		catch (MigrationFailedException ex) {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			this.listeners.tell((listener) -> listener.rollbackFailed(event, elapsed, ex));
			throw ex;
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		this.listeners.tell((listener) -> listener.afterRollback(event, elapsed));
		return new ExecutedMigration(migration.version(), migration.description(), migration.type(), undo, elapsed);
	}

	/**
	 * Runs a body and its history write, retrying the whole of it on a lock timeout where the
	 * database aborted the transaction.
	 * <ol>
	 * <li>check that the run still holds its lock;</li>
	 * <li>where the migration may take partial effect (no transaction, or DDL that commits by
	 * itself), write its history row as FAILED before its first statement, so that a crash,
	 * a killed session or a lost lock leaves a record that stops the next run;</li>
	 * <li>run it, check the lock again, write its history (turning that row into success)
	 * and commit.</li>
	 * </ol>
	 * @param failedRank the rank for a FAILED row if the body fails half done, or {@code null}
	 * for a rollback
	 * @param undoneRow for a rollback, the row to mark ROLLBACK_FAILED if the undo fails half
	 * done; {@code null} when applying
	 */
	private void run(Connection connection, MigrationEvent event, Body body, HistoryWrite historyWrite,
			@Nullable Integer failedRank, @Nullable AppliedMigration undoneRow, ResolvedMigration migration) {
		for (int attempt = 0;; attempt++) {
			checkLockBeforeStart(event, failedRank == null);
			Progress progress = new Progress();
			long start = System.nanoTime();
			boolean marked = false;
			try {
				if (failedRank != null && body.mayTakePartialEffect()) {
					connection.setAutoCommit(true);
					this.history.append(connection, row(migration, failedRank, Duration.ZERO, false));
					marked = true;
				}
				connection.setAutoCommit(!body.transactional());
				body.run(connection, event, progress);
				String lost = this.lock.lostBecause();
				if (lost != null) {
					throw new LostLock(lost);
				}
				historyWrite.write(Duration.ofNanos(System.nanoTime() - start), marked);
				if (body.transactional()) {
					connection.commit();
				}
				this.completed.add(event.script());
				return;
			}
			catch (Exception ex) {
				rollbackQuietly(connection, body.transactional());
				Cause cause = cause(connection, ex);
				SQLException lockTimeout = lockTimeout(ex);
				boolean retryWhole = body.transactional() && this.dialect.failedStatementAbortsTransaction();
				if (cause == Cause.LOCK_TIMEOUT && retryWhole && progress.statementsCommitted() == 0
						&& attempt < this.configuration.ddlRetries()
						&& (!marked || record(connection, migration, failedRank, true, false, Duration.ZERO)
								== Recorded.NOTHING_NEEDED)) {
					LockTimeoutRetry.pause(this.listeners, event, this.configuration.ddlRetryBackoff(), attempt,
							this.configuration.ddlRetries(), this.dialect.describeBlockers(connection));
					continue;
				}
				int tookEffect = body.transactional() ? progress.statementsCommitted() : progress.statementsDone();
				String running = progress.statement();
				boolean runningMayHave = cause == Cause.CONNECTION_LOST && running != null
						&& (!body.transactional() || this.dialect.commitsImplicitly(running));
				boolean partial = tookEffect > 0 || runningMayHave;
				Recorded recorded = Recorded.NOTHING_NEEDED;
				if (failedRank != null) {
					recorded = record(connection, migration, failedRank, marked, partial,
							Duration.ofNanos(System.nanoTime() - start));
				}
				else if (partial && undoneRow != null) {
					recorded = recordRollbackFailure(connection, undoneRow, event.script());
				}
				FailureMessage.Outcome outcome = new FailureMessage.Outcome(cause, tookEffect, runningMayHave, recorded,
						body.transactional(), (ex instanceof LostLock lostLock) ? lostLock.getMessage() : null,
						(cause == Cause.LOCK_TIMEOUT) ? this.dialect.describeBlockers(connection) : null,
						List.copyOf(this.completed));
				String message = this.failureMessage.of(event, progress, ex, lockTimeout, failedRank == null, outcome);
				if (cause == Cause.LOCK_LOST) {
					throw new LockLostException(message, migration.version(), event.script());
				}
				throw new MigrationFailedException(message, migration.version(), event.script(), ex);
			}
			finally {
				autoCommitQuietly(connection);
			}
		}
	}

	/** Stops the run before a migration starts when its lock is gone: nothing of it has run. */
	private void checkLockBeforeStart(MigrationEvent event, boolean rollback) {
		String lost = this.lock.lostBecause();
		if (lost == null) {
			return;
		}
		String done = this.completed.isEmpty() ? "none" : String.join(", ", this.completed);
		throw new LockLostException("The migration lock on " + this.history.name() + " was lost before "
				+ event.script() + " started: " + lost + ". " + (rollback ? "Rolled back" : "Applied")
				+ " in this run before: " + done + ". Nothing of " + event.script() + " ran, and the run stopped"
				+ " there, since another instance may have taken the lock and be migrating now. Look at the history"
				+ " (info(), or GET /actuator/migrations), then " + (rollback ? "roll back" : "migrate")
				+ " again; find out what ended the lock's session (an idle timeout of a proxy or pooler, a failover,"
				+ " an operator) so that it does not happen again.", event.version(), event.script());
	}

	private Cause cause(Connection connection, Exception failure) {
		if (failure instanceof LostLock) {
			return Cause.LOCK_LOST;
		}
		if (!isValid(connection)) {
			return Cause.CONNECTION_LOST;
		}
		return (lockTimeout(failure) != null) ? Cause.LOCK_TIMEOUT : Cause.ERROR;
	}

	/**
	 * Makes the history tell the truth about a failed migration: the FAILED row written
	 * before its first statement stays if anything may have taken effect and goes if
	 * nothing did; without such a row, one is appended if anything took effect. The
	 * migration's own connection may be dead, so this falls back to a fresh one.
	 */
	private Recorded record(Connection connection, ResolvedMigration migration, int rank, boolean marked,
			boolean partial, Duration elapsed) {
		if (marked && partial) {
			return Recorded.FAILED_ROW;
		}
		if (!marked && !partial) {
			return Recorded.NOTHING_NEEDED;
		}
		try {
			onWorkingConnection(connection, (working) -> {
				if (marked) {
					this.history.deleteFailed(working, rank);
				}
				else {
					this.history.append(working, row(migration, rank, elapsed, false));
				}
			});
			return marked ? Recorded.NOTHING_NEEDED : Recorded.FAILED_ROW;
		}
		catch (SQLException ex) {
			return marked ? Recorded.STALE_MARKER : Recorded.NOT_RECORDED;
		}
	}

	/**
	 * Marks the row of a half-undone migration ROLLBACK_FAILED, so that nothing runs over it
	 * until a person has looked; on a fresh connection if the rollback's own one is dead.
	 */
	private Recorded recordRollbackFailure(Connection connection, AppliedMigration row, String undo) {
		try {
			onWorkingConnection(connection, (working) -> this.history.markRollbackFailed(working, row.installedRank(),
					this.user, Instant.now(), undo));
			return Recorded.FAILED_ROW;
		}
		catch (SQLException ex) {
			return Recorded.NOT_RECORDED;
		}
	}

	private void onWorkingConnection(Connection connection, HistoryFix fix) throws SQLException {
		if (isValid(connection)) {
			connection.setAutoCommit(true);
			fix.apply(connection);
			return;
		}
		try (Connection fresh = this.configuration.dataSource().getConnection()) {
			fresh.setAutoCommit(true);
			fix.apply(fresh);
		}
	}

	private static boolean isValid(Connection connection) {
		try {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private AppliedMigration row(ResolvedMigration migration, int rank, Duration elapsed, boolean success) {
		return new AppliedMigration(rank, migration.version(), migration.description(), migration.type(),
				migration.script(), migration.checksum(), this.user, Instant.now(), elapsed, success, null, null, null);
	}

	private SqlScript parse(ScriptResource resource) {
		return this.parsed.computeIfAbsent(resource, this::read);
	}

	private SqlScript read(ScriptResource resource) {
		String text = this.placeholders.apply(resource, resource.read(this.configuration.encoding()));
		return SqlScriptParser.parse(resource.path(), text, this.dialect.type(), this.configuration.mixed());
	}

	private Body body(ResolvedMigration migration, boolean down) {
		JavaMigration java = migration.javaMigration();
		if (java != null) {
			return javaBody(java, down);
		}
		return sqlBody(parse(Objects.requireNonNull(down ? migration.downScript() : migration.upScript())));
	}

	private Body sqlBody(SqlScript script) {
		boolean commitsOnItsOwn = script.statements()
			.stream()
			.anyMatch((statement) -> this.dialect.commitsImplicitly(statement.sql()));
		boolean mayTakePartialEffect = !script.transactional() || (this.dialect.ddlAutoCommits() && commitsOnItsOwn);
		return new Body(script.transactional(), mayTakePartialEffect, (connection, event, progress) -> {
			for (SqlStatement statement : script.statements()) {
				progress.starting(statement.sql(), statement.line());
				this.runner.execute(connection, statement, event);
				progress.finished(this.dialect.commitsImplicitly(statement.sql()));
			}
		});
	}

	private Body javaBody(JavaMigration migration, boolean down) {
		// Java code may run DDL that commits by itself, or commit so far for a backfill: on
		// every database it may take partial effect.
		return new Body(migration.transactional(), true, (connection, event, progress) -> {
			JdbcMigrationContext context = new JdbcMigrationContext(connection, this.dialect.type(), this.runner,
					event, progress, this.configuration.dataSource(), this.expansions);
			if (down) {
				migration.down(context);
			}
			else {
				migration.up(context);
			}
		});
	}

	private @Nullable SQLException lockTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && this.dialect.isLockTimeout(sql)) {
				return sql;
			}
		}
		return null;
	}

	private PlannedMigration planned(ResolvedMigration migration, String script, List<String> statements,
			boolean transactional) {
		return new PlannedMigration(migration.version(), migration.description(), migration.type(), script,
				statements, transactional);
	}

	/**
	 * Runs an expand's or contract's DDL on its own connection with this session's lock
	 * timeout and retries: a pooled connection starts without them.
	 */
	private void executeDdl(Connection connection, SchemaStatement statement) throws SQLException {
		Dialect.SessionSetting lockTimeout = this.dialect.applyLockTimeout(connection,
				this.configuration.ddlLockTimeout());
		try {
			this.runner.execute(connection, statement.sql(), DDL_EVENT);
		}
		finally {
			lockTimeout.restore();
		}
	}

	private Schema recordingSchema(Connection connection) {
		try {
			return Schema.on(connection, this.dialect.type());
		}
		catch (SQLException ex) {
			throw new StepwiseException("Could not read the database's metadata to plan a schema migration: "
					+ ex.getMessage(), ex);
		}
	}

	private PlannedMigration planned(ResolvedMigration migration, String script, List<SchemaStatement> statements) {
		return planned(migration, script, statements.stream().map(SchemaStatement::sql).toList(),
				statements.stream().allMatch(SchemaStatement::transactional));
	}

	private static List<String> sql(SqlScript script) {
		return script.statements().stream().map(SqlStatement::sql).toList();
	}

	private static MigrationEvent event(ResolvedMigration migration, String script) {
		return new MigrationEvent(migration.version(), migration.description(), migration.type(), script);
	}

	private static void rollbackQuietly(Connection connection, boolean transactional) {
		if (transactional) {
			try {
				connection.rollback();
			}
			catch (SQLException ex) {
				// The connection is broken; the original failure is what to report.
			}
		}
	}

	private static void autoCommitQuietly(Connection connection) {
		try {
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			// The connection is broken; the pool will find out.
		}
	}

	/**
	 * A migration's work, whether it runs in a transaction, and whether part of it may stay
	 * when it fails (no transaction, DDL that commits by itself, Java code).
	 */
	private record Body(boolean transactional, boolean mayTakePartialEffect, Work work) {

		void run(Connection connection, MigrationEvent event, Progress progress) throws Exception {
			this.work.run(connection, event, progress);
		}

	}

	@FunctionalInterface
	private interface Work {

		void run(Connection connection, MigrationEvent event, Progress progress) throws Exception;

	}

	@FunctionalInterface
	private interface HistoryWrite {

		/** @param marked whether a FAILED row was written before the first statement */
		void write(Duration elapsed, boolean marked) throws SQLException;

	}

	@FunctionalInterface
	private interface HistoryFix {

		void apply(Connection connection) throws SQLException;

	}

	/** The lock was found lost before a commit: the work is rolled back or recorded as FAILED. */
	private static final class LostLock extends Exception {

		LostLock(String reason) {
			super(reason, null, false, false);
		}

	}

}
