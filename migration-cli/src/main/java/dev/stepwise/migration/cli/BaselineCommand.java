package dev.stepwise.migration.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise baseline}: adopts a database that already has a schema.
 */
@Command(name = "baseline", description = "Record a version as the baseline of a database Stepwise has not migrated yet.")
final class BaselineCommand extends EngineCommand {

	@Option(names = "--baseline-version", paramLabel = "VERSION",
			description = "The version to record (default: stepwise.baseline-version, else 1).")
	@Nullable String version;

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		String version = (this.version != null) ? this.version : engine.configuration().baselineVersion();
		engine.baseline(version);
		if (console.json()) {
			Map<String, @Nullable Object> view = new LinkedHashMap<>();
			view.put("command", "baseline");
			view.put("baselineVersion", version);
			console.printJson(view);
		}
		else {
			console.say("Baselined " + this.target + " at version " + version + ": migrations up to it count as applied.");
		}
		return ExitCode.OK;
	}

}
