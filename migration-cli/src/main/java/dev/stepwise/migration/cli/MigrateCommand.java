package dev.stepwise.migration.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise migrate}: applies pending migrations, or prints their SQL.
 */
@Command(name = "migrate", description = "Apply every pending migration, each in its own transaction.")
final class MigrateCommand extends EngineCommand {

	@Option(names = "--dry-run", description = "Print the SQL that would run, in order, with transaction boundaries; change nothing.")
	boolean dryRun;

	@Option(names = "--including-rolled-back", description = "Re-apply migrations that were rolled back.")
	boolean includingRolledBack;

	@Option(names = "--target", paramLabel = "VERSION",
			description = "Apply versions up to this one only (repeatable migrations still run); latest, the default, for all.")
	@Nullable String targetVersion;

	@Override
	Map<String, String> commandSettings() {
		return (this.targetVersion != null) ? Map.of("target", this.targetVersion) : Map.of();
	}

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		MigrateOptions options = MigrateOptions.defaults();
		if (this.dryRun) {
			options = options.asDryRun();
		}
		if (this.includingRolledBack) {
			options = options.includingRolledBack();
		}
		if (!this.dryRun && this.progress != null && ProgressDisplay.onTerminal(console.json())) {
			// Only where a person watches the bar: the count costs a read of the history and the scripts.
			this.progress.expect(due(engine));
		}
		MigrateResult result = engine.migrate(options);
		if (console.json()) {
			Map<String, @Nullable Object> view = new LinkedHashMap<>();
			view.put("command", "migrate");
			view.put("dryRun", result.dryRun());
			view.put("initialVersion", Views.text(result.initialVersion()));
			view.put("targetVersion", Views.text(result.targetVersion()));
			view.put("plan", Views.plan(result.plan()));
			view.put("applied", Views.executed(result.applied()));
			view.put("totalTimeMillis", result.totalTime().toMillis());
			console.printJson(view);
			return ExitCode.OK;
		}
		if (result.dryRun()) {
			SqlPlan.print(console.out(), result.plan().size() + " migration(s) would run on " + this.target
					+ ", from version " + Versions.of(result.initialVersion()) + " to "
					+ Versions.of(result.targetVersion()) + ".", result.plan(), engine.configuration().table());
			return ExitCode.OK;
		}
		if (result.applied().isEmpty()) {
			console.say("Nothing to migrate: " + this.target + " is at version " + Versions.of(result.initialVersion())
					+ ".");
			return ExitCode.OK;
		}
		Table table = new Table("Version", "Description", "Script", "Time");
		for (ExecutedMigration migration : result.applied()) {
			table.row(Versions.orRepeatable(migration.version()), migration.description(), migration.script(),
					migration.executionTime().toMillis() + " ms");
		}
		table.print(console.out());
		console.say("Migrated " + this.target + " from version " + Versions.of(result.initialVersion()) + " to "
				+ Versions.of(result.targetVersion()) + ": " + result.applied().size() + " migration(s) in "
				+ result.totalTime().toMillis() + " ms.");
		return ExitCode.OK;
	}

	/** How many migrations this run is about to apply, for the bar (none above the target is pending). */
	private static int due(Stepwise engine) {
		return engine.info().pending().size();
	}

}
