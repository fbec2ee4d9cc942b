package dev.stepwise.migration.api;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a rollback did, or, for a dry run, would do.
 *
 * @param dryRun whether this was a dry run (nothing changed)
 * @param plan the migrations to undo, newest first, with the statements of their undo
 * @param rolledBack what was undone, in order (empty for a dry run)
 * @param initialVersion the current version before the rollback
 * @param targetVersion the current version after it
 * @param totalTime how long the run took, lock wait included
 */
public record RollbackResult(boolean dryRun, List<PlannedMigration> plan, List<ExecutedMigration> rolledBack,
		@Nullable MigrationVersion initialVersion, @Nullable MigrationVersion targetVersion, Duration totalTime) {

	public RollbackResult {
		plan = List.copyOf(plan);
		rolledBack = List.copyOf(rolledBack);
	}

}
