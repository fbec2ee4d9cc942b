package dev.stepwise.migration.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.RollbackRequest;
import dev.stepwise.migration.api.RollbackResult;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise rollback}: undoes migrations down to a version or by count, or prints
 * the SQL of the undo.
 */
@Command(name = "rollback", description = "Undo applied migrations, newest first, by their U scripts or Java down().")
final class RollbackCommand extends EngineCommand {

	@ArgGroup(exclusive = true)
	@Nullable Selection selection;

	@Option(names = "--dry-run", description = "Print the SQL that would run, in order, with transaction boundaries; change nothing.")
	boolean dryRun;

	static final class Selection {

		@Option(names = "--target", paramLabel = "VERSION",
				description = "Undo every applied migration above this version (0 undoes everything).")
		@Nullable String target;

		@Option(names = "--count", paramLabel = "N", description = "Undo the N most recent applied migrations.")
		@Nullable Integer count;

	}

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		Selection selection = this.selection;
		if (selection == null) {
			throw CliException.usage("Say what to roll back: --target VERSION or --count N.");
		}
		RollbackRequest request;
		if (selection.target != null) {
			request = RollbackRequest.toVersion(selection.target);
		}
		else {
			request = RollbackRequest.last(java.util.Objects.requireNonNull(selection.count));
		}
		if (this.dryRun) {
			request = request.asDryRun();
		}
		RollbackResult result = engine.rollback(request);
		if (console.json()) {
			Map<String, @Nullable Object> view = new LinkedHashMap<>();
			view.put("command", "rollback");
			view.put("dryRun", result.dryRun());
			view.put("initialVersion", Views.text(result.initialVersion()));
			view.put("targetVersion", Views.text(result.targetVersion()));
			view.put("plan", Views.plan(result.plan()));
			view.put("rolledBack", Views.executed(result.rolledBack()));
			view.put("totalTimeMillis", result.totalTime().toMillis());
			console.printJson(view);
			return ExitCode.OK;
		}
		if (result.dryRun()) {
			SqlPlan.print(console.out(), result.plan().size() + " migration(s) would be rolled back on " + this.target
					+ ", from version " + Versions.of(result.initialVersion()) + " to "
					+ Versions.of(result.targetVersion()) + ".", result.plan(), engine.configuration().table());
			return ExitCode.OK;
		}
		if (result.rolledBack().isEmpty()) {
			console.say("Nothing to roll back: " + this.target + " is at version "
					+ Versions.of(result.initialVersion()) + ".");
			return ExitCode.OK;
		}
		Table table = new Table("Version", "Description", "Undo", "Time");
		for (ExecutedMigration migration : result.rolledBack()) {
			table.row(Versions.orRepeatable(migration.version()), migration.description(), migration.script(),
					migration.executionTime().toMillis() + " ms");
		}
		table.print(console.out());
		console.say("Rolled back " + this.target + " from version " + Versions.of(result.initialVersion()) + " to "
				+ Versions.of(result.targetVersion()) + ": " + result.rolledBack().size() + " migration(s) in "
				+ result.totalTime().toMillis() + " ms.");
		return ExitCode.OK;
	}

}
