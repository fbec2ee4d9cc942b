package dev.stepwise.migration.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.tool.DriftValidation;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise validate}: checks the sources against the history, changing nothing.
 */
@Command(name = "validate", description = "Check the migrations against the history; exit code 3 lists the problems.")
final class ValidateCommand extends EngineCommand {

	@Option(names = "--drift", description = "Also compare the database with what its applied migrations make"
			+ " (or stepwise.drift-check=true); drift is a validation problem.")
	boolean drift;

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		// A problem throws MigrationValidationException, which the error handler prints with every problem.
		engine.validate();
		if (this.drift || "true".equalsIgnoreCase(settings.get("drift-check"))) {
			SchemaComparison comparison = new SchemaComparison(engine, settings);
			DriftValidation.check(engine, comparison.url(), comparison.connector());
		}
		if (console.json()) {
			Map<String, @Nullable Object> view = new LinkedHashMap<>();
			view.put("command", "validate");
			view.put("valid", true);
			view.put("problems", List.of());
			console.printJson(view);
		}
		else {
			console.say("Valid: the migrations in " + engine.configuration().locations() + " match the history of "
					+ this.target + ((this.drift || "true".equalsIgnoreCase(settings.get("drift-check")))
							? ", and its schema is what they make." : "."));
		}
		return ExitCode.OK;
	}

}
