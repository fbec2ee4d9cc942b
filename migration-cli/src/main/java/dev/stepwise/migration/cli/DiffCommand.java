package dev.stepwise.migration.cli;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.catalog.CatalogDiff;
import dev.stepwise.migration.catalog.GeneratedMigration;
import dev.stepwise.migration.catalog.JavaMigrationWriter;
import dev.stepwise.migration.catalog.MigrationGenerator;
import dev.stepwise.migration.tool.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stepwise diff}: what {@code generate} would write, without writing it; with
 * {@code --drift}, what differs between the live database and what its applied migrations
 * make (exit code 3 when anything does).
 */
@Command(name = "diff", description = { "Print what generate would write, without writing it.",
		"--drift: compare the database with what its applied migrations make; exit code 3 on drift." })
final class DiffCommand extends EngineCommand {

	@Option(names = "--drift", description = "Compare the live database with what its applied migrations make.")
	boolean drift;

	@Mixin
	SchemaOptions schema = new SchemaOptions();

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		SchemaComparison comparison = new SchemaComparison(engine, settings);
		if (this.drift) {
			CatalogDiff drift = comparison.drift();
			if (console.json()) {
				var view = SchemaComparison.view("diff --drift", drift, null);
				view.put("drift", !drift.isEmpty());
				console.printJson(view);
			}
			else if (drift.isEmpty()) {
				console.say("No drift: " + this.target + " is what its applied migrations make.");
			}
			else {
				console.say("Drift: " + this.target + " differs from what its applied migrations make"
						+ " (+ only in the database, - only in the migrations, ~ changed):");
				drift.differences().forEach((difference) -> console.say("  " + difference.describe()));
			}
			return drift.isEmpty() ? ExitCode.OK : ExitCode.INVALID;
		}
		MigrationGenerator.Generation generation = comparison.generate(this.schema);
		GeneratedMigration migration = generation.migration();
		if (console.json()) {
			var view = SchemaComparison.view("diff", generation.diff(), migration);
			view.put("expands", generation.expands().stream().map(Object::toString).toList());
			view.put("contracts", generation.contracts());
			view.put("refusals", generation.refusals());
			console.printJson(view);
			return ExitCode.OK;
		}
		if (generation.isEmpty()) {
			console.say("Nothing to generate: the migrations already make what the entities describe.");
		}
		else {
			console.say("Differences (the entities against what the migrations make):");
			generation.diff().differences().forEach((difference) -> console.say("  " + difference.describe()));
			console.say("");
			if (generation.hasJavaMigration()) {
				console.say("// V" + generation.version() + ", a Java migration");
				console.say(JavaMigrationWriter.source("V" + generation.version() + "__expand_or_contract",
						generation.expands(), generation.contracts()));
			}
			if (generation.refused()) {
				console.say("-- refused as it stands (see below); in place it would be:");
			}
			console.say("-- V" + (generation.version() + (generation.hasJavaMigration() ? 1 : 0))
					+ " (in a transaction)");
			migration.up().forEach((statement) -> console.say(statement + ";"));
			if (migration.hasPartWithoutTransaction()) {
				console.say("-- without a transaction");
				migration.upWithoutTransaction().forEach((statement) -> console.say(statement + ";"));
			}
			console.say("-- undo");
			migration.downWithoutTransaction().forEach((statement) -> console.say(statement + ";"));
			migration.down().forEach((statement) -> console.say(statement + ";"));
		}
		migration.notes().forEach((note) -> console.say("Note: " + note));
		generation.refusals().forEach((refusal) -> console.say("Refused (generate writes nothing): " + refusal));
		generation.diff().renameSuggestions().forEach((suggestion) -> console.say("Suggestion: " + suggestion));
		return ExitCode.OK;
	}

}
