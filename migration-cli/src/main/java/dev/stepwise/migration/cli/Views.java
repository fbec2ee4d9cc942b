package dev.stepwise.migration.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.PlannedMigration;
import dev.stepwise.migration.api.RegisteredInstance;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of what the commands print, with the field names of the Actuator
 * endpoint: versions as text, instants in ISO-8601, durations in milliseconds.
 */
final class Views {

	private Views() {
	}

	static Map<String, @Nullable Object> migration(MigrationInfo info) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("version", text(info.version()));
		view.put("description", info.description());
		view.put("type", info.type().name());
		view.put("script", info.script());
		view.put("checksum", info.checksum());
		view.put("state", info.state().name());
		view.put("installedRank", info.installedRank());
		view.put("installedBy", info.installedBy());
		view.put("installedOn", text(info.installedOn()));
		view.put("executionTimeMillis", millis(info.executionTime()));
		view.put("undoable", info.undoable());
		view.put("rolledBackBy", info.rolledBackBy());
		view.put("rolledBackOn", text(info.rolledBackOn()));
		return view;
	}

	static Map<String, @Nullable Object> planned(PlannedMigration step) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("version", text(step.version()));
		view.put("description", step.description());
		view.put("type", step.type().name());
		view.put("script", step.script());
		view.put("transactional", step.transactional());
		view.put("statements", step.statements());
		return view;
	}

	static Map<String, @Nullable Object> executed(ExecutedMigration migration) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("version", text(migration.version()));
		view.put("description", migration.description());
		view.put("type", migration.type().name());
		view.put("script", migration.script());
		view.put("executionTimeMillis", millis(migration.executionTime()));
		return view;
	}

	static Map<String, @Nullable Object> expansion(Expansion expansion) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("id", expansion.id());
		view.put("operation", expansion.operation().name());
		view.put("table", expansion.table());
		view.put("oldColumn", expansion.oldColumn());
		view.put("newColumn", expansion.newColumn());
		view.put("expandVersion", text(expansion.expandVersion()));
		view.put("state", expansion.state().name());
		view.put("backfill", (expansion.backfill() != null) ? backfill(expansion.backfill()) : null);
		view.put("contractDeferred", expansion.contractDeferred());
		view.put("waitingFor", expansion.waitingFor().stream().map((instance) -> instance(instance)).toList());
		return view;
	}

	static Map<String, @Nullable Object> backfill(BackfillProgress progress) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("name", progress.name());
		view.put("table", progress.table());
		view.put("rowsDone", progress.rowsDone());
		view.put("estimatedTotal", progress.estimatedTotal());
		view.put("percent", percent(progress));
		view.put("rowsPerSecond", Math.round(progress.rowsPerSecond()));
		view.put("done", progress.done());
		view.put("updatedAt", text(progress.updatedAt()));
		return view;
	}

	static Map<String, @Nullable Object> instance(RegisteredInstance instance) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("instanceId", instance.instanceId());
		view.put("host", instance.host());
		view.put("maxVersion", text(instance.maxVersion()));
		view.put("startedAt", text(instance.startedAt()));
		view.put("heartbeatAt", text(instance.heartbeatAt()));
		view.put("silenceMillis", millis(instance.silence()));
		return view;
	}

	static Map<String, @Nullable Object> contract(ContractResult result) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("id", result.id());
		view.put("contracted", result.contracted());
		view.put("waitingFor", result.waitingFor().stream().map(Views::instance).toList());
		return view;
	}

	static List<Map<String, @Nullable Object>> plan(List<PlannedMigration> plan) {
		return plan.stream().map(Views::planned).toList();
	}

	static List<Map<String, @Nullable Object>> executed(List<ExecutedMigration> executed) {
		return executed.stream().map(Views::executed).toList();
	}

	/** The percentage done, or {@code null} while the total is unknown. */
	static @Nullable Long percent(BackfillProgress progress) {
		if (progress.done()) {
			return 100L;
		}
		if (progress.estimatedTotal() <= 0) {
			return null;
		}
		return Math.min(99, progress.rowsDone() * 100 / progress.estimatedTotal());
	}

	static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	static @Nullable Long millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

}
