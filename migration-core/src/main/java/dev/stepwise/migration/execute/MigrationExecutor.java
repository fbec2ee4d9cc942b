package dev.stepwise.migration.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.stepwise.migration.ExecutedMigration;
import dev.stepwise.migration.JavaMigration;
import dev.stepwise.migration.MigrationEvent;
import dev.stepwise.migration.MigrationFailedException;
import dev.stepwise.migration.MigrationType;
import dev.stepwise.migration.PlannedMigration;
import dev.stepwise.migration.RollbackRefusedException;
import dev.stepwise.migration.SchemaMigration;
import dev.stepwise.migration.StepwiseException;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.dialect.Dialect;
import dev.stepwise.migration.expand.Expansions;
import dev.stepwise.migration.history.AppliedMigration;
import dev.stepwise.migration.history.HistoryTable;
import dev.stepwise.migration.resolve.Placeholders;
import dev.stepwise.migration.resolve.ResolvedMigration;
import dev.stepwise.migration.resolve.ScriptResource;
import dev.stepwise.migration.schema.IrreversibleChangeException;
import dev.stepwise.migration.schema.Schema;
import dev.stepwise.migration.schema.SchemaStatement;
import dev.stepwise.migration.sql.SqlScript;
import dev.stepwise.migration.sql.SqlScriptParser;
import dev.stepwise.migration.sql.SqlStatement;
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
 * rolled back and retried with backoff. Where DDL commits by itself, a failure after some
 * statements took effect is recorded as FAILED so the next run refuses until repaired.
 */
public final class MigrationExecutor {

	private static final MigrationEvent DDL_EVENT = new MigrationEvent(null, "expand/contract DDL", MigrationType.JAVA,
			"expand/contract");

	private final StepwiseConfiguration configuration;

	private final Dialect dialect;

	private final HistoryTable history;

	private final Listeners listeners;

	private final RetryingStatementRunner runner;

	private final String user;

	private final Expansions expansions;

	// Planning parses each script; applying it right after must not parse it again.
	private final Map<ScriptResource, SqlScript> parsed = new HashMap<>();

	public MigrationExecutor(StepwiseConfiguration configuration, Dialect dialect, HistoryTable history,
			Listeners listeners, String user) {
		this.configuration = configuration;
		this.dialect = dialect;
		this.history = history;
		this.listeners = listeners;
		this.user = user;
		this.runner = new RetryingStatementRunner(dialect, configuration.ddlRetries(), configuration.ddlRetryBackoff(),
				listeners);
		this.expansions = new Expansions(configuration.dataSource(), dialect.type(), history.schema())
			.instanceStaleness(configuration.instanceStaleness())
			.backfillWorkers(configuration.backfillWorkers())
			.lockWait(configuration.lockWaitTimeout())
			.connectionsHeldByCaller(2, "the run's lock and its migration")
			.ddlExecutor(this::executeDdl);
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
			run(connection, event, body, (elapsed) -> this.history.append(connection,
					row(migration, rank, elapsed, true)), rank, migration);
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
			run(connection, event, body, (elapsed) -> this.history.markRolledBack(connection, row.installedRank(),
					this.user, Instant.now(), undo), null, migration);
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
	 * @param failedRank the rank for a FAILED row if the body fails half done, or {@code null}
	 * for a rollback, which records nothing on failure
	 */
	private void run(Connection connection, MigrationEvent event, Body body, HistoryWrite historyWrite,
			@Nullable Integer failedRank, ResolvedMigration migration) {
		for (int attempt = 0;; attempt++) {
			Progress progress = new Progress();
			long start = System.nanoTime();
			try {
				connection.setAutoCommit(!body.transactional());
				body.run(connection, event, progress);
				historyWrite.write(Duration.ofNanos(System.nanoTime() - start));
				if (body.transactional()) {
					connection.commit();
				}
				return;
			}
			catch (Exception ex) {
				rollbackQuietly(connection, body.transactional());
				SQLException lockTimeout = lockTimeout(ex);
				boolean retryWhole = body.transactional() && this.dialect.failedStatementAbortsTransaction();
				if (lockTimeout != null && retryWhole && progress.statementsCommitted() == 0
						&& attempt < this.configuration.ddlRetries()) {
					LockTimeoutRetry.pause(this.listeners, event, this.configuration.ddlRetryBackoff(), attempt);
					continue;
				}
				boolean partial = body.transactional() ? progress.statementsCommitted() > 0
						: progress.statementsDone() > 0;
				if (partial && failedRank != null) {
					recordFailure(connection, migration, failedRank, Duration.ofNanos(System.nanoTime() - start));
				}
				throw new MigrationFailedException(
						FailureMessage.of(event, progress, ex, lockTimeout, partial, failedRank == null,
								this.configuration, this.dialect, this.history.name(), blockers(connection, lockTimeout)),
						migration.version(), event.script(), ex);
			}
			finally {
				autoCommitQuietly(connection);
			}
		}
	}

	private @Nullable String blockers(Connection connection, @Nullable SQLException lockTimeout) {
		return (lockTimeout != null) ? this.dialect.describeBlockers(connection) : null;
	}

	private void recordFailure(Connection connection, ResolvedMigration migration, int rank, Duration elapsed) {
		try {
			connection.setAutoCommit(true);
			this.history.append(connection, row(migration, rank, elapsed, false));
		}
		catch (SQLException ex) {
			// The original failure matters more; the message already says what to check.
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
		String text = resource.read(this.configuration.encoding());
		if (this.configuration.placeholderReplacement()) {
			text = Placeholders.replace(resource.path(), text, this.configuration.placeholders());
		}
		return SqlScriptParser.parse(resource.path(), text, this.dialect.type());
	}

	private Body body(ResolvedMigration migration, boolean down) {
		JavaMigration java = migration.javaMigration();
		if (java != null) {
			return javaBody(java, down);
		}
		return sqlBody(parse(Objects.requireNonNull(down ? migration.downScript() : migration.upScript())));
	}

	private Body sqlBody(SqlScript script) {
		return new Body(script.transactional(), (connection, event, progress) -> {
			for (SqlStatement statement : script.statements()) {
				progress.starting(statement.sql(), statement.line());
				this.runner.execute(connection, statement.sql(), event);
				progress.finished(this.dialect.commitsImplicitly(statement.sql()));
			}
		});
	}

	private Body javaBody(JavaMigration migration, boolean down) {
		return new Body(migration.transactional(), (connection, event, progress) -> {
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
	private void executeDdl(Connection connection, String sql) throws SQLException {
		Dialect.SessionSetting lockTimeout = this.dialect.applyLockTimeout(connection,
				this.configuration.ddlLockTimeout());
		try {
			this.runner.execute(connection, sql, DDL_EVENT);
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

	/** A migration's work, and whether it runs in a transaction. */
	private record Body(boolean transactional, Work work) {

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

		void write(Duration elapsed) throws SQLException;

	}

}
