package dev.stepwise.migration;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.PlannedMigration;
import dev.stepwise.migration.api.RunEvent;
import dev.stepwise.migration.internal.execute.Callbacks;
import dev.stepwise.migration.internal.execute.MigrationExecutor;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.info.MigrationEntry;
import dev.stepwise.migration.internal.info.MigrationStates;
import dev.stepwise.migration.internal.lock.RunLock;
import dev.stepwise.migration.internal.resolve.MigrationResolver;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * {@link Stepwise#migrate(MigrateOptions)}: applies pending migrations, or plans them for a
 * dry run.
 * <ol>
 * <li>resolve the sources and read the history, without the lock;</li>
 * <li>validate; if nothing is pending, stop here: a started-up application pays one
 * query;</li>
 * <li>otherwise take the lock, read the history again (another instance may have migrated
 * meanwhile), validate again, and apply what is still pending, each migration in its own
 * transaction.</li>
 * </ol>
 */
final class MigrateCommand {

	private final EngineContext context;

	private final StepwiseConfiguration configuration;

	MigrateCommand(EngineContext context) {
		this.context = context;
		this.configuration = context.configuration();
	}

	MigrateResult run(MigrateOptions options) {
		long start = System.nanoTime();
		try (Session session = this.context.openSession()) {
			MigrationResolver.Sources sources = this.context.sources(session);
			List<ResolvedMigration> resolved = sources.migrations();
			List<AppliedMigration> rows = session.history().readIfExists(session.connection());
			List<AppliedMigration> adoptable = this.context.history().adoptable(session, rows);
			MigrationStates states = this.context.states(resolved, AdoptingHistory.of(rows, adoptable));
			// A FAILED row may be the start record of a migration another instance runs right
			// now: only the check under the lock, after that run, can tell. An adoption checks
			// the history itself, under the lock, with messages that name Flyway's fixes.
			boolean failedRecorded = !states.inState(MigrationState.FAILED).isEmpty();
			if ((!failedRecorded && adoptable == null) || options.dryRun()) {
				this.context.validateIfConfigured(session, states);
			}
			List<MigrationEntry> pending = pending(states, options);
			boolean baselineNeeded = (rows == null && this.configuration.baselineOnMigrate()) || adoptable != null;
			if (rows == null && !pending.isEmpty() && !baselineNeeded) {
				UnknownSchema.refuseIfNotEmpty(session);
			}
			Callbacks callbacks = this.context.callbacks(session, sources);
			// SQL callbacks of the whole run write, as migrations do: they run under the lock.
			boolean callbacksDue = callbacks.has(RunEvent.BEFORE_MIGRATE) || callbacks.has(RunEvent.AFTER_MIGRATE);
			if (options.dryRun() || (pending.isEmpty() && !baselineNeeded && !failedRecorded && !callbacksDue)) {
				// Nothing pending, the common start-up: no executor, whose construction loads the
				// expand machinery that only applying needs.
				List<PlannedMigration> plan = pending.isEmpty() ? List.of()
						: plan(session, this.context.executor(session), pending);
				EmptyMigrations.check(plan, "applied", this.configuration.failOnEmptyMigrations());
				if (!options.dryRun()) {
					callbacks.fire(RunEvent.BEFORE_MIGRATE, session.connection());
					callbacks.fire(RunEvent.AFTER_MIGRATE, session.connection());
				}
				return new MigrateResult(options.dryRun(), plan, List.of(), states.currentVersion(),
						targetVersion(states.currentVersion(), plan), EngineContext.elapsed(start));
			}
			try (RunLock lock = this.context.lock(session)) {
				MigrateResult result;
				try {
					result = applyPending(session, resolved, options, start, lock, callbacks);
				}
				catch (RuntimeException ex) {
					EngineContext.fireAfterFailure(callbacks, RunEvent.AFTER_MIGRATE_ERROR, session, ex);
					throw ex;
				}
				callbacks.fire(RunEvent.AFTER_MIGRATE, session.connection());
				return result;
			}
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("migrate", ex);
		}
	}

	/** Under the lock: reads the history again, since another instance may have migrated. */
	private MigrateResult applyPending(Session session, List<ResolvedMigration> resolved, MigrateOptions options,
			long start, RunLock lock, Callbacks callbacks) throws SQLException {
		List<AppliedMigration> rows = this.context.history().adoptingFlyway(session, resolved, lock);
		if (rows == null) {
			rows = createHistory(session);
		}
		else {
			session.history().ensureFence(session.connection());
		}
		// As in Flyway, the whole-run callback comes after the history exists: a callback that
		// creates a table must not make a new schema look like one that others built.
		callbacks.fire(RunEvent.BEFORE_MIGRATE, session.connection());
		MigrationStates states = this.context.states(resolved, rows);
		this.context.validateIfConfigured(session, states);
		List<MigrationEntry> pending = pending(states, options);
		MigrationExecutor executor = this.context.executor(session).guardedBy(lock::lostBecause);
		List<PlannedMigration> plan = plan(session, executor, pending);
		EmptyMigrations.check(plan, "applied", this.configuration.failOnEmptyMigrations());
		session.limitLockWaits(this.configuration);
		List<ExecutedMigration> applied = new ArrayList<>();
		int rank = nextRank(rows);
		if (this.configuration.group()) {
			applied.addAll(MigrationGroup.apply(session.connection(), session.dialect(), executor, callbacks, pending,
					plan, rank));
		}
		else {
			for (MigrationEntry entry : pending) {
				callbacks.fire(RunEvent.BEFORE_EACH_MIGRATE, session.connection());
				try {
					applied.add(executor.apply(session.connection(), Objects.requireNonNull(entry.resolved()), rank++));
				}
				catch (RuntimeException ex) {
					EngineContext.fireAfterFailure(callbacks, RunEvent.AFTER_EACH_MIGRATE_ERROR, session, ex);
					throw ex;
				}
				callbacks.fire(RunEvent.AFTER_EACH_MIGRATE, session.connection());
			}
		}
		MigrationVersion after = targetVersion(states.currentVersion(), plan);
		EngineContext.log(applied, "Applied", after);
		return new MigrateResult(false, plan, applied, states.currentVersion(), after, EngineContext.elapsed(start));
	}

	private List<MigrationEntry> pending(MigrationStates states, MigrateOptions options) {
		return PendingSelection.select(states, options, this.configuration.target(), this.configuration.outOfOrder());
	}

	/**
	 * Creates the history table. With {@code baselineOnMigrate}, a schema that already had
	 * tables is adopted (looked at before the history table adds its own); without it, such
	 * a schema is refused. A fresh, empty schema is simply migrated from the start.
	 * @return the history rows: the baseline, or none
	 */
	private List<AppliedMigration> createHistory(Session session) throws SQLException {
		boolean adopt = this.configuration.baselineOnMigrate() && UnknownSchema.hasOtherTables(session);
		if (!this.configuration.baselineOnMigrate()) {
			UnknownSchema.refuseIfNotEmpty(session);
		}
		session.history().createIfAbsent(session.connection());
		if (adopt) {
			return List.of(BaselineCommand.write(session,
					MigrationVersion.parse(this.configuration.baselineVersion())));
		}
		return List.of();
	}

	private static List<PlannedMigration> plan(Session session, MigrationExecutor executor,
			List<MigrationEntry> pending) {
		return pending.stream()
			.map((entry) -> executor.planApply(session.connection(), Objects.requireNonNull(entry.resolved())))
			.toList();
	}

	private static @Nullable MigrationVersion targetVersion(@Nullable MigrationVersion current,
			List<PlannedMigration> plan) {
		MigrationVersion target = current;
		for (PlannedMigration step : plan) {
			if (step.version() != null && (target == null || step.version().isNewerThan(target))) {
				target = step.version();
			}
		}
		return target;
	}

	private static int nextRank(List<AppliedMigration> rows) {
		return rows.stream().mapToInt(AppliedMigration::installedRank).max().orElse(0) + 1;
	}

}
