package dev.stepwise.migration.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.tool.ProjectClassPath;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the database: it builds the engine from the options and runs.
 */
abstract class EngineCommand implements Callable<Integer> {

	@Mixin
	EngineOptions options = new EngineOptions();

	@Spec
	@Nullable CommandSpec spec;

	// Known once the settings are read, so that no message ever shows it.
	@Nullable String password;

	@Nullable String target;

	// Known once the engine is built: how the command shows a long run's progress.
	@Nullable RunProgress progress;

	@Nullable BackfillWatch backfills;

	@Override
	public Integer call() {
		CommandSpec spec = java.util.Objects.requireNonNull(this.spec);
		Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), this.options.json);
		Logging.configure(this.options.verbose);
		Map<String, String> environment = System.getenv();
		Settings settings = this.options.settings(environment, commandSettings());
		this.password = settings.get("password");
		EngineFactory factory = new EngineFactory(settings,
				new ProjectClassPath(this.options.classPath, this.options.driverPath, CliException.WORDING));
		this.target = factory.target();
		ProgressDisplay display = new ProgressDisplay(console.err(), ProgressDisplay.onTerminal(this.options.json));
		RunProgress progress = new RunProgress(display);
		Stepwise engine = factory.create(progress, this.options.verbose ? console.err() : null);
		this.backfills = new BackfillWatch(engine::backfills, display, this.options.progressInterval(display.terminal()));
		progress.watch(this.backfills);
		this.progress = progress;
		try {
			return run(engine, settings, console).code();
		}
		finally {
			this.backfills.close();
			display.clear();
		}
	}

	/** The engine settings that this command's own flags give, by canonical name. */
	Map<String, String> commandSettings() {
		return Map.of();
	}

	abstract ExitCode run(Stepwise engine, Settings settings, Console console);

}
