package dev.stepwise.migration.api;

import java.time.Duration;
import java.util.List;

import dev.stepwise.migration.Stepwise;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Stepwise#migrate()} did, or, for a dry run, would do.
 *
 * @param dryRun whether this was a dry run (nothing changed)
 * @param plan the migrations in the order they run, with their statements
 * @param applied what was applied, in order (empty for a dry run)
 * @param initialVersion the current version before the run
 * @param targetVersion the current version after the run (or after the plan, for a dry run)
 * @param totalTime how long the run took, lock wait included
 */
public record MigrateResult(boolean dryRun, List<PlannedMigration> plan, List<ExecutedMigration> applied,
		@Nullable MigrationVersion initialVersion, @Nullable MigrationVersion targetVersion, Duration totalTime) {

	public MigrateResult {
		plan = List.copyOf(plan);
		applied = List.copyOf(applied);
	}

}
