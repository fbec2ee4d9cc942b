package dev.stepwise.migration.cli;

import java.nio.file.Path;
import java.util.List;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.catalog.GenerationRefusedException;
import dev.stepwise.migration.catalog.MigrationGenerator;
import dev.stepwise.migration.tool.SchemaSources;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stepwise generate --name add_orders}: the next migration and its undo, from the
 * JPA entities against what the existing migrations make. Needs {@code migration-jpa} on
 * the class path.
 */
@Command(name = "generate", description = "Write the next V/U migration from the JPA entities (needs migration-jpa"
		+ " on --class-path).")
final class GenerateCommand extends EngineCommand {

	@Option(names = "--name", required = true, paramLabel = "DESCRIPTION",
			description = "What the migration does, for its file name: add_orders.")
	String name = "";

	@Option(names = "--output", paramLabel = "DIR",
			description = "Where to write (default: the first filesystem: location, else src/main/resources/db/migration).")
	@Nullable Path output;

	@Option(names = "--java-output", paramLabel = "DIR", defaultValue = "src/main/java/db/migration",
			description = "Where an expand or contract goes, as a Java migration of package db.migration (default: ${DEFAULT-VALUE}).")
	Path javaOutput = Path.of("src/main/java/db/migration");

	@Option(names = "--java",
			description = "Write the whole change as one Java SchemaMigration (into --java-output) instead of V/U SQL;"
					+ " the engine works out its undo.")
	boolean java;

	@Mixin
	SchemaOptions schema = new SchemaOptions();

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		SchemaComparison comparison = new SchemaComparison(engine, settings);
		MigrationGenerator.Generation generation = comparison.generate(this.schema);
		if (generation.refused()) {
			generation.diff().differences().forEach((difference) -> console.say("  " + difference.describe()));
			throw new CliException(ExitCode.REFUSED, "Nothing written: " + String.join("; ", generation.refusals()));
		}
		Path directory = comparison.directory(this.output, generation.type().vendor());
		List<Path> files;
		try {
			files = this.java ? generation.writeJavaMigration(this.javaOutput, this.name)
					: generation.writeFiles(directory, this.javaOutput, this.name);
		}
		catch (GenerationRefusedException ex) {
			throw new CliException(ExitCode.REFUSED, ex.getMessage());
		}
		if (console.json()) {
			var view = SchemaComparison.view("generate", generation.diff(), generation.migration());
			view.put("files", files.stream().map(Path::toString).toList());
			console.printJson(view);
			return ExitCode.OK;
		}
		if (files.isEmpty()) {
			console.say("Nothing to generate: the migrations already make what the entities describe.");
		}
		else {
			generation.diff().differences().forEach((difference) -> console.say("  " + difference.describe()));
			files.forEach((file) -> console.say("Wrote " + file));
			console.say(generation.hasJavaMigration() || this.java
					? "Review them, compile the Java migration with the project, apply with stepwise migrate, and commit them."
					: "Review them, apply with stepwise migrate, and commit them.");
		}
		generation.migration().notes().forEach((note) -> console.say("Note: " + note));
		String vendors = SchemaSources.otherVendorsNote(engine.configuration(), Path.of("").toAbsolutePath(),
				generation.type().vendor());
		if (vendors != null && !files.isEmpty() && this.output == null) {
			console.say("Note: " + vendors);
		}
		generation.diff().renameSuggestions().forEach((suggestion) -> console.say("Suggestion: " + suggestion));
		return ExitCode.OK;
	}

}
