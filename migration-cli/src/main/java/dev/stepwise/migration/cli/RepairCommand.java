package dev.stepwise.migration.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/**
 * {@code stepwise repair}: removes the records of failed migrations and accepts changed
 * checksums, after the database was put right by hand.
 */
@Command(name = "repair", description = "Remove failed migration records and accept the current checksums of applied scripts.")
final class RepairCommand extends EngineCommand {

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		List<MigrationInfo> failed = engine.info().failed();
		engine.repair();
		List<String> removed = failed.stream().map(MigrationInfo::script).toList();
		if (console.json()) {
			Map<String, @Nullable Object> view = new LinkedHashMap<>();
			view.put("command", "repair");
			view.put("removedFailed", removed);
			console.printJson(view);
		}
		else {
			console.say("Repaired the history of " + this.target + ": "
					+ (removed.isEmpty() ? "no failed records" : "removed the failed records of " + String.join(", ", removed))
					+ "; the checksums of applied scripts now match the files.");
		}
		return ExitCode.OK;
	}

}
