package dev.stepwise.migration;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.PlannedMigration;
import dev.stepwise.migration.api.RollbackRequest;
import dev.stepwise.migration.api.RollbackResult;
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
 * {@link Stepwise#rollback(RollbackRequest)}: undoes what the request names, newest first,
 * each in its own transaction with the mark on its history row; or plans it, for a dry run.
 * {@link RollbackSelection} refuses before anything runs when a migration in the way has no
 * undo.
 */
final class RollbackCommand {

	private final EngineContext context;

	RollbackCommand(EngineContext context) {
		this.context = context;
	}

	RollbackResult run(RollbackRequest request) {
		long start = System.nanoTime();
		try (Session session = this.context.openSession()) {
			MigrationResolver.Sources sources = this.context.sources(session);
			List<ResolvedMigration> resolved = sources.migrations();
			// A dry run only reads, so it takes no lock (a null resource is skipped).
			try (RunLock lock = request.dryRun() ? null : this.context.lock(session)) {
				List<AppliedMigration> rows = request.dryRun() ? this.context.history().orAdoptable(session, null)
						: this.context.history().adoptingFlyway(session, resolved, Objects.requireNonNull(lock));
				MigrationStates states = this.context.states(resolved, (rows != null) ? rows : List.of());
				List<MigrationEntry> selected = RollbackSelection.select(states, request);
				MigrationExecutor executor = this.context.executor(session);
				List<PlannedMigration> plan = plan(session, executor, selected);
				EmptyMigrations.check(plan, "rolled back", this.context.configuration().failOnEmptyMigrations());
				MigrationVersion after = versionAfter(states, selected);
				if (request.dryRun()) {
					return new RollbackResult(true, plan, List.of(), states.currentVersion(), after,
							EngineContext.elapsed(start));
				}
				session.limitLockWaits(this.context.configuration());
				executor.guardedBy(Objects.requireNonNull(lock)::lostBecause);
				List<ExecutedMigration> undone = undo(session, sources, executor, selected);
				EngineContext.log(undone, "Rolled back", after);
				return new RollbackResult(false, plan, undone, states.currentVersion(), after,
						EngineContext.elapsed(start));
			}
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("roll back", ex);
		}
	}

	/** Under the lock: undoes each selected migration, between the callbacks of the run. */
	private List<ExecutedMigration> undo(Session session, MigrationResolver.Sources sources, MigrationExecutor executor,
			List<MigrationEntry> selected) {
		Callbacks callbacks = this.context.callbacks(session, sources);
		callbacks.fire(RunEvent.BEFORE_UNDO, session.connection());
		List<ExecutedMigration> undone = new ArrayList<>();
		try {
			for (MigrationEntry entry : selected) {
				callbacks.fire(RunEvent.BEFORE_EACH_UNDO, session.connection());
				try {
					undone.add(executor.rollback(session.connection(), Objects.requireNonNull(entry.resolved()),
							Objects.requireNonNull(entry.applied())));
				}
				catch (RuntimeException ex) {
					EngineContext.fireAfterFailure(callbacks, RunEvent.AFTER_EACH_UNDO_ERROR, session, ex);
					throw ex;
				}
				callbacks.fire(RunEvent.AFTER_EACH_UNDO, session.connection());
			}
		}
		catch (RuntimeException ex) {
			EngineContext.fireAfterFailure(callbacks, RunEvent.AFTER_UNDO_ERROR, session, ex);
			throw ex;
		}
		callbacks.fire(RunEvent.AFTER_UNDO, session.connection());
		return undone;
	}

	private static List<PlannedMigration> plan(Session session, MigrationExecutor executor,
			List<MigrationEntry> selected) {
		return selected.stream()
			.map((entry) -> executor.planRollback(session.connection(), Objects.requireNonNull(entry.resolved())))
			.toList();
	}

	private static @Nullable MigrationVersion versionAfter(MigrationStates states, List<MigrationEntry> undone) {
		return states.entries()
			.stream()
			.filter((entry) -> entry.applied() != null && entry.applied().isInEffect() && !undone.contains(entry))
			.map((entry) -> entry.info().version())
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

}
