package dev.stepwise.migration.boot.actuate;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.PlannedMigration;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.api.RepairResult;
import dev.stepwise.migration.api.RollbackResult;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.api.StepwiseInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

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
	 * @param drift each engine's drift, when {@code stepwise.drift-check} asks for it
	 */
	public record MigrationsDescriptor(Map<String, EngineDescriptor> engines,
			@Nullable Map<String, DriftDescriptor> drift) implements OperationResponseBody {

		/** Without a drift section ({@code stepwise.drift-check} off). */
		public MigrationsDescriptor(Map<String, EngineDescriptor> engines) {
			this(engines, null);
		}

	}

	/**
	 * What differs between an engine's database and what its applied migrations make.
	 *
	 * @param drift whether anything differs
	 * @param differences each difference: {@code +} only in the database, {@code -} only in the
	 * migrations, {@code ~} changed
	 * @param error why the check could not run, or {@code null}
	 */
	public record DriftDescriptor(boolean drift, List<String> differences, @Nullable String error) {

	}

	/**
	 * One engine's schema.
	 *
	 * @param currentVersion the highest applied version, or {@code null} for an empty schema
	 * @param pending how many migrations the next migrate applies
	 * @param migrations every migration, applied history first
	 * @param expansions every column change expanded, in flight or contracted, oldest first
	 * @param backfills every backfill with its progress, those of the expansions included
	 * @param instances the application instances in the registry, live or silent
	 */
	public record EngineDescriptor(@Nullable String currentVersion, int pending, List<MigrationDescriptor> migrations,
			List<ExpansionDescriptor> expansions, List<BackfillDescriptor> backfills,
			List<InstanceDescriptor> instances) {

		static EngineDescriptor of(Stepwise engine) {
			// The info carries the expansions: reading them again would open another session.
			StepwiseInfo info = engine.info();
			Duration staleness = engine.configuration().instanceStaleness();
			return new EngineDescriptor(text(info.currentVersion()), info.pending().size(),
					info.migrations().stream().map(MigrationDescriptor::of).toList(),
					info.expansions().stream().map(ExpansionDescriptor::of).toList(),
					engine.backfills().stream().map(BackfillDescriptor::of).toList(),
					registered(engine).stream().map((instance) -> InstanceDescriptor.of(instance, staleness)).toList());
		}

		private static List<RegisteredInstance> registered(Stepwise engine) {
			try {
				return engine.instances().instances();
			}
			catch (SQLException ex) {
				throw new StepwiseException("Could not read the instance registry: " + ex.getMessage(), ex);
			}
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
	 * @param state the state, such as APPLIED, PENDING, ROLLED_BACK or ROLLBACK_FAILED
	 * @param installedRank the rank in the history
	 * @param installedBy who applied it
	 * @param installedOn when it was applied
	 * @param executionTimeMillis how long it took
	 * @param undoable whether a rollback can undo it
	 * @param rolledBackBy who rolled it back (for ROLLBACK_FAILED: who tried)
	 * @param rolledBackOn when it was rolled back (for ROLLBACK_FAILED: when the rollback failed)
	 * @param adopted whether its history row was adopted from Flyway's history
	 */
	public record MigrationDescriptor(@Nullable String version, String description, String type, String script,
			@Nullable Integer checksum, String state, @Nullable Integer installedRank, @Nullable String installedBy,
			@Nullable String installedOn, @Nullable Long executionTimeMillis, boolean undoable,
			@Nullable String rolledBackBy, @Nullable String rolledBackOn, boolean adopted) {

		static MigrationDescriptor of(MigrationInfo info) {
			return new MigrationDescriptor(text(info.version()), info.description(), info.type().name(), info.script(),
					info.checksum(), info.state().name(), info.installedRank(), info.installedBy(),
					text(info.installedOn()), millis(info.executionTime()), info.undoable(), info.rolledBackBy(),
					text(info.rolledBackOn()), info.adopted());
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
			long totalTimeMillis) implements OperationResponseBody {

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
			long totalTimeMillis) implements OperationResponseBody {

		static RollbackDescriptor of(String engine, RollbackResult result) {
			return new RollbackDescriptor(engine, result.dryRun(), text(result.initialVersion()),
					text(result.targetVersion()), result.plan().stream().map(PlanDescriptor::of).toList(),
					result.rolledBack().stream().map(ExecutedDescriptor::of).toList(), result.totalTime().toMillis());
		}

	}

	/**
	 * What a repair changed in the history or, for a dry run, would change.
	 *
	 * @param engine the engine's bean name
	 * @param dryRun whether nothing was changed
	 * @param actions each change to the history
	 * @param unresolved each failed rollback that needs a person's decision, with how to give it
	 */
	public record RepairDescriptor(String engine, boolean dryRun, List<RepairActionDescriptor> actions,
			List<String> unresolved) {

		static RepairDescriptor of(String engine, RepairResult result) {
			return new RepairDescriptor(engine, result.dryRun(),
					result.actions().stream().map(RepairActionDescriptor::of).toList(), result.unresolved());
		}

	}

	/**
	 * One change a repair makes to the history.
	 *
	 * @param action REMOVE_FAILED, ACCEPT_CHECKSUM, MARK_ROLLED_BACK or MARK_APPLIED
	 * @param version the version, or {@code null} for a repeatable migration
	 * @param script the migration's script or class
	 * @param detail what the change means
	 */
	public record RepairActionDescriptor(String action, @Nullable String version, String script, String detail) {

		static RepairActionDescriptor of(RepairResult.Action action) {
			return new RepairActionDescriptor(action.kind().name(), text(action.version()), action.script(),
					action.detail());
		}

	}

	/**
	 * A column change run as expand and contract.
	 *
	 * @param id the change's key, {@code table.new_column}: what a contract names
	 * @param operation RENAME_COLUMN, CHANGE_COLUMN_TYPE or SET_NOT_NULL
	 * @param table the table
	 * @param oldColumn the column old code uses
	 * @param newColumn the column new code uses
	 * @param expandVersion the version of the migration that expanded it
	 * @param state EXPANDED (both columns, kept in sync) or CONTRACTED (the old column is gone)
	 * @param contractDeferred whether a contract was asked for and waits for instances
	 * @param waitingFor the live instances of older code that a deferred contract waits for
	 * @param backfill the progress of the backfill of the new column, or {@code null} before it started
	 */
	public record ExpansionDescriptor(String id, String operation, String table, String oldColumn, String newColumn,
			String expandVersion, String state, boolean contractDeferred, List<InstanceDescriptor> waitingFor,
			@Nullable BackfillDescriptor backfill) {

		static ExpansionDescriptor of(Expansion expansion) {
			BackfillProgress backfill = expansion.backfill();
			return new ExpansionDescriptor(expansion.id(), expansion.operation().name(), expansion.table(),
					expansion.oldColumn(), expansion.newColumn(), expansion.expandVersion().toString(),
					expansion.state().name(), expansion.contractDeferred(),
					expansion.waitingFor().stream().map((instance) -> InstanceDescriptor.of(instance, null)).toList(),
					(backfill != null) ? BackfillDescriptor.of(backfill) : null);
		}

	}

	/**
	 * How far a backfill is.
	 *
	 * @param name the backfill's name, under which an interrupted run resumes
	 * @param table the table it transforms
	 * @param rowsDone the rows walked so far
	 * @param estimatedTotal the table's estimated row count when it started, {@code -1} if unknown
	 * @param rowsPerSecond the rows walked per second so far
	 * @param done whether every row was walked
	 * @param updatedAt when its last batch committed
	 */
	public record BackfillDescriptor(String name, String table, long rowsDone, long estimatedTotal,
			double rowsPerSecond, boolean done, Instant updatedAt) {

		static BackfillDescriptor of(BackfillProgress progress) {
			return new BackfillDescriptor(progress.name(), progress.table(), progress.rowsDone(),
					progress.estimatedTotal(), progress.rowsPerSecond(), progress.done(), progress.updatedAt());
		}

	}

	/**
	 * An application instance in the registry.
	 *
	 * @param instanceId the instance's id
	 * @param host the host it runs on
	 * @param maxVersion the highest migration version its code contains
	 * @param startedAt when it registered
	 * @param heartbeatAt its last heartbeat
	 * @param live whether its heartbeat is recent enough for a contract to wait for it
	 */
	public record InstanceDescriptor(String instanceId, String host, String maxVersion, String startedAt,
			String heartbeatAt, boolean live) {

		/**
		 * Describes an instance; without a staleness, it is one a contract waits for, so live.
		 */
		static InstanceDescriptor of(RegisteredInstance instance, @Nullable Duration staleness) {
			boolean live = staleness == null || instance.silence().compareTo(staleness) <= 0;
			return new InstanceDescriptor(instance.instanceId(), instance.host(), instance.maxVersion().toString(),
					instance.startedAt().toString(), instance.heartbeatAt().toString(), live);
		}

	}

	/**
	 * What a contract did.
	 *
	 * @param engine the engine's bean name
	 * @param change the change's key
	 * @param contracted whether the old column is gone
	 * @param deferred whether the contract waits for instances of older code; it is retried
	 * in the background and completes once they are gone
	 * @param waitingFor the instances it waits for
	 */
	public record ContractDescriptor(String engine, String change, boolean contracted, boolean deferred,
			List<InstanceDescriptor> waitingFor) implements OperationResponseBody {

		static ContractDescriptor of(String engine, ContractResult result) {
			return new ContractDescriptor(engine, result.id(), result.contracted(), result.deferred(),
					result.waitingFor().stream().map((instance) -> InstanceDescriptor.of(instance, null)).toList());
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
