package dev.stepwise.migration.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.ExecutedMigration;
import dev.stepwise.migration.MigrateResult;
import dev.stepwise.migration.MigrationInfo;
import dev.stepwise.migration.PlannedMigration;
import dev.stepwise.migration.RollbackResult;
import dev.stepwise.migration.StepwiseInfo;
import dev.stepwise.migration.version.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the {@code migrations} endpoint: versions as text, instants in ISO-8601,
 * durations in milliseconds.
 */
public final class MigrationDescriptors {

	private MigrationDescriptors() {
	}

	/**
	 * Every engine by bean name.
	 *
	 * @param engines the engines
	 */
	public record MigrationsDescriptor(Map<String, EngineDescriptor> engines) {

	}

	/**
	 * One engine's schema.
	 *
	 * @param currentVersion the highest applied version, or {@code null} for an empty schema
	 * @param pending how many migrations the next migrate applies
	 * @param migrations every migration, applied history first
	 */
	public record EngineDescriptor(@Nullable String currentVersion, int pending, List<MigrationDescriptor> migrations) {

		static EngineDescriptor of(StepwiseInfo info) {
			return new EngineDescriptor(text(info.currentVersion()), info.pending().size(),
					info.migrations().stream().map(MigrationDescriptor::of).toList());
		}

	}

	/**
	 * One migration with its history.
	 *
	 * @param version the version, or {@code null} for a repeatable migration
	 * @param description the description
	 * @param type SQL, JAVA or BASELINE
	 * @param script the script or Java class
	 * @param checksum the checksum
	 * @param state the state, such as APPLIED, PENDING or ROLLED_BACK
	 * @param installedRank the rank in the history
	 * @param installedBy who applied it
	 * @param installedOn when it was applied
	 * @param executionTimeMillis how long it took
	 * @param undoable whether a rollback can undo it
	 * @param rolledBackBy who rolled it back
	 * @param rolledBackOn when it was rolled back
	 */
	public record MigrationDescriptor(@Nullable String version, String description, String type, String script,
			@Nullable Integer checksum, String state, @Nullable Integer installedRank, @Nullable String installedBy,
			@Nullable String installedOn, @Nullable Long executionTimeMillis, boolean undoable,
			@Nullable String rolledBackBy, @Nullable String rolledBackOn) {

		static MigrationDescriptor of(MigrationInfo info) {
			return new MigrationDescriptor(text(info.version()), info.description(), info.type().name(), info.script(),
					info.checksum(), info.state().name(), info.installedRank(), info.installedBy(),
					text(info.installedOn()), millis(info.executionTime()), info.undoable(), info.rolledBackBy(),
					text(info.rolledBackOn()));
		}

	}

	/**
	 * What a migrate did or, for a dry run, would do.
	 *
	 * @param engine the engine's bean name
	 * @param dryRun whether nothing was changed
	 * @param initialVersion the version before
	 * @param targetVersion the version after
	 * @param plan the migrations to apply, with their statements
	 * @param applied what was applied
	 * @param totalTimeMillis how long it took, lock wait included
	 */
	public record MigrateDescriptor(String engine, boolean dryRun, @Nullable String initialVersion,
			@Nullable String targetVersion, List<PlanDescriptor> plan, List<ExecutedDescriptor> applied,
			long totalTimeMillis) {

		static MigrateDescriptor of(String engine, MigrateResult result) {
			return new MigrateDescriptor(engine, result.dryRun(), text(result.initialVersion()),
					text(result.targetVersion()), result.plan().stream().map(PlanDescriptor::of).toList(),
					result.applied().stream().map(ExecutedDescriptor::of).toList(), result.totalTime().toMillis());
		}

	}

	/**
	 * What a rollback did or, for a dry run, would do.
	 *
	 * @param engine the engine's bean name
	 * @param dryRun whether nothing was changed
	 * @param initialVersion the version before
	 * @param targetVersion the version after
	 * @param plan the migrations to undo, newest first, with the statements of their undo
	 * @param rolledBack what was undone
	 * @param totalTimeMillis how long it took, lock wait included
	 */
	public record RollbackDescriptor(String engine, boolean dryRun, @Nullable String initialVersion,
			@Nullable String targetVersion, List<PlanDescriptor> plan, List<ExecutedDescriptor> rolledBack,
			long totalTimeMillis) {

		static RollbackDescriptor of(String engine, RollbackResult result) {
			return new RollbackDescriptor(engine, result.dryRun(), text(result.initialVersion()),
					text(result.targetVersion()), result.plan().stream().map(PlanDescriptor::of).toList(),
					result.rolledBack().stream().map(ExecutedDescriptor::of).toList(), result.totalTime().toMillis());
		}

	}

	/**
	 * One step of a plan.
	 *
	 * @param version the version, or {@code null} for a repeatable migration
	 * @param description the description
	 * @param type SQL or JAVA
	 * @param script the script that runs (the undo script for a rollback)
	 * @param statements the statements in order
	 * @param transactional whether they run in one transaction
	 */
	public record PlanDescriptor(@Nullable String version, String description, String type, String script,
			List<String> statements, boolean transactional) {

		static PlanDescriptor of(PlannedMigration planned) {
			return new PlanDescriptor(text(planned.version()), planned.description(), planned.type().name(),
					planned.script(), planned.statements(), planned.transactional());
		}

	}

	/**
	 * A migration that ran.
	 *
	 * @param version the version, or {@code null} for a repeatable migration
	 * @param description the description
	 * @param type SQL or JAVA
	 * @param script the script that ran
	 * @param executionTimeMillis how long it took
	 */
	public record ExecutedDescriptor(@Nullable String version, String description, String type, String script,
			long executionTimeMillis) {

		static ExecutedDescriptor of(ExecutedMigration executed) {
			return new ExecutedDescriptor(text(executed.version()), executed.description(), executed.type().name(),
					executed.script(), executed.executionTime().toMillis());
		}

	}

	private static @Nullable String text(@Nullable MigrationVersion version) {
		return (version != null) ? version.toString() : null;
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static @Nullable Long millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

}
