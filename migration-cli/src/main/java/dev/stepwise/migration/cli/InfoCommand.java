package dev.stepwise.migration.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseInfo;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise info}: every migration with its state, what {@code GET /actuator/migrations}
 * shows.
 */
@Command(name = "info", description = "Show every migration with its state, the current version and what is pending.")
final class InfoCommand extends EngineCommand {

	@Option(names = "--target", paramLabel = "VERSION",
			description = "Show the versions above this one as ABOVE_TARGET, as migrate --target leaves them.")
	@Nullable String targetVersion;

	@Override
	Map<String, String> commandSettings() {
		return (this.targetVersion != null) ? Map.of("target", this.targetVersion) : Map.of();
	}

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		StepwiseInfo info = engine.info();
		MigrationVersion target = engine.configuration().target();
		long aboveTarget = info.migrations()
			.stream()
			.filter((migration) -> migration.state() == MigrationState.ABOVE_TARGET)
			.count();
		if (console.json()) {
			Map<String, @Nullable Object> view = new LinkedHashMap<>();
			view.put("currentVersion", Views.text(info.currentVersion()));
			view.put("target", Views.text(target));
			view.put("pending", info.pending().size());
			view.put("aboveTarget", aboveTarget);
			view.put("migrations", info.migrations().stream().map(Views::migration).toList());
			view.put("expansions", info.expansions().stream().map(Views::expansion).toList());
			// Read only for JSON: the table shows each expansion's backfill from info itself, and
			// this read is a session (a connection) of its own.
			view.put("backfills", engine.backfills().stream().map(Views::backfill).toList());
			console.printJson(view);
			return ExitCode.OK;
		}
		console.say("Database: " + this.target);
		console.say("Current version: " + Versions.of(info.currentVersion()) + "; " + info.pending().size()
				+ " pending" + ((aboveTarget > 0) ? "; " + aboveTarget + " above the target " + target : "") + ".");
		console.say("");
		Table table = new Table("Version", "Description", "Type", "State", "Installed on", "Installed by", "Undo");
		for (MigrationInfo migration : info.migrations()) {
			table.row(Versions.orRepeatable(migration.version()), migration.description(), migration.type(),
					migration.state(), migration.installedOn(), migration.installedBy(),
					migration.undoable() ? "yes" : "no");
		}
		if (table.isEmpty()) {
			console.say("No migrations found in " + engine.configuration().locations() + ".");
		}
		else {
			table.print(console.out());
		}
		if (!info.expansions().isEmpty()) {
			console.say("");
			Table expansions = new Table("Change", "Operation", "Old column", "New column", "State", "Backfill");
			for (Expansion expansion : info.expansions()) {
				expansions.row(expansion.id(), expansion.operation(), expansion.oldColumn(), expansion.newColumn(),
						expansion.state() + (expansion.contractDeferred() ? " (contract deferred)" : ""),
						(expansion.backfill() != null) ? Progress.describe(expansion.backfill()) : "");
			}
			expansions.print(console.out());
		}
		console.flush();
		return ExitCode.OK;
	}

}
