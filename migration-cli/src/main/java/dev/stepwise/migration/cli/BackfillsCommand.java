package dev.stepwise.migration.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise backfills}: every backfill's progress, and with {@code --resume} runs the
 * unfinished ones to the end, showing progress as it goes.
 */
@Command(name = "backfills", description = "Show every backfill's progress; --resume runs the unfinished ones to the end.")
final class BackfillsCommand extends EngineCommand {

	@Option(names = "--resume", description = "Run or resume unfinished backfills (unless another instance is at it).")
	boolean resume;

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		List<String> resumed = List.of();
		if (this.resume) {
			resumed = resumeShowingProgress(engine);
		}
		List<BackfillProgress> backfills = engine.backfills();
		if (console.json()) {
			Map<String, @Nullable Object> view = new LinkedHashMap<>();
			view.put("resumed", resumed);
			view.put("backfills", backfills.stream().map(Views::backfill).toList());
			console.printJson(view);
			return ExitCode.OK;
		}
		if (this.resume) {
			console.say(resumed.isEmpty() ? "No backfill to resume (or another instance is running them)."
					: "Resumed and finished: " + String.join(", ", resumed) + ".");
		}
		if (backfills.isEmpty()) {
			console.say("No backfills on " + this.target + ".");
			return ExitCode.OK;
		}
		Table table = new Table("Backfill", "Table", "Progress", "Updated");
		backfills.forEach((progress) -> table.row(progress.name(), progress.table(), Progress.describe(progress),
				progress.updatedAt()));
		table.print(console.out());
		console.flush();
		return ExitCode.OK;
	}

	/** Resumes on this thread while the watch reports progress: a bar on a terminal, lines in a log. */
	private List<String> resumeShowingProgress(Stepwise engine) {
		BackfillWatch watch = java.util.Objects.requireNonNull(this.backfills);
		watch.begin();
		try {
			return engine.resumeBackfills();
		}
		finally {
			watch.close();
		}
	}

}
