package dev.stepwise.migration.boot.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseInfo;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the schema: UP when no engine has a pending or failed migration (or one whose
 * rollback failed), DOWN otherwise, with the current version, what is pending, what failed
 * and why, the column changes in flight and the contracts deferred. A failure of a newer
 * release (a version above this release's code) is listed but not DOWN while the engine
 * ignores future migrations: old instances must keep serving while it is fixed. A deferred contract is not DOWN: both releases work
 * while it waits for the last instance of older code.
 */
public class StepwiseHealthIndicator extends AbstractHealthIndicator {

	private final Map<String, Stepwise> engines;

	private final MigrationFailureRecorder failureRecorder;

	/**
	 * Creates an indicator of the engines.
	 * @param engines the engines by bean name
	 * @param failureRecorder the errors of recent failed runs
	 */
	public StepwiseHealthIndicator(Map<String, Stepwise> engines, MigrationFailureRecorder failureRecorder) {
		super("Stepwise cannot read the migration history");
		this.engines = new LinkedHashMap<>(engines);
		this.failureRecorder = failureRecorder;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean healthy = true;
		for (Map.Entry<String, Stepwise> engine : this.engines.entrySet()) {
			StepwiseInfo info = engine.getValue().info();
			List<MigrationInfo> newerReleases = failedInNewerReleases(engine.getValue(), info);
			healthy &= info.pending().isEmpty() && newerReleases.containsAll(info.failed());
			Map<String, Object> details = details(info);
			if (!newerReleases.isEmpty()) {
				details.put("failed", info.failed().stream().filter((failed) -> !newerReleases.contains(failed))
					.map(this::describeFailed).toList());
				details.put("failedInNewerRelease", newerReleases.stream().map(this::describeFailed).toList());
			}
			builder.withDetail(engine.getKey(), details);
		}
		List<MigrationFailureRecorder.MigrationFailure> failures = this.failureRecorder.failures();
		if (!failures.isEmpty()) {
			healthy = false;
			builder.withDetail("recentFailures", failures);
		}
		if (healthy) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

	/**
	 * The failures of versions newer than this release's code, when the engine ignores future
	 * migrations: the newer release's to repair, and no reason to take this instance out of
	 * service while it is fixed.
	 */
	private static List<MigrationInfo> failedInNewerReleases(Stepwise engine, StepwiseInfo info) {
		if (info.failed().isEmpty() || !engine.configuration().ignoreFutureMigrations()) {
			return List.of();
		}
		MigrationVersion code = engine.codeVersion();
		return info.failed()
			.stream()
			.filter((failed) -> failed.version() != null && (code == null || failed.version().isNewerThan(code)))
			.toList();
	}

	private Map<String, Object> details(StepwiseInfo info) {
		List<Expansion> expansions = info.expansions();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("currentVersion", (info.currentVersion() != null) ? info.currentVersion().toString() : "none");
		details.put("pending", info.pending().stream().map(this::describe).toList());
		details.put("failed", info.failed().stream().map(this::describeFailed).toList());
		details.put("expansionsInFlight", expansions.stream()
			.filter((expansion) -> expansion.state() == ExpansionState.EXPANDED)
			.map(this::describeInFlight)
			.toList());
		details.put("deferredContracts",
				expansions.stream().filter(Expansion::contractDeferred).map(this::describeDeferred).toList());
		return details;
	}

	private Map<String, Object> describeInFlight(Expansion expansion) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("id", expansion.id());
		described.put("oldColumn", expansion.oldColumn());
		described.put("newColumn", expansion.newColumn());
		BackfillProgress backfill = expansion.backfill();
		described.put("backfill", (backfill == null) ? "not started" : backfill.done() ? "done"
				: backfill.rowsDone() + " of about " + backfill.estimatedTotal() + " rows");
		return described;
	}

	private Map<String, Object> describeDeferred(Expansion expansion) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("id", expansion.id());
		described.put("waitingFor", expansion.waitingFor()
			.stream()
			.map((instance) -> instance.instanceId() + " on " + instance.host() + " (code version "
					+ instance.maxVersion() + ")")
			.toList());
		return described;
	}

	private Map<String, Object> describeFailed(MigrationInfo migration) {
		// FAILED (the migration) or ROLLBACK_FAILED (its undo): each is repaired differently.
		Map<String, Object> described = describe(migration);
		described.put("state", migration.state().name());
		return described;
	}

	private Map<String, Object> describe(MigrationInfo migration) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("version", (migration.version() != null) ? migration.version().toString() : "repeatable");
		described.put("description", migration.description());
		described.put("script", migration.script());
		return described;
	}

}
