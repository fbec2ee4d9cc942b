package dev.stepwise.migration.maven;

import java.util.List;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.BackfillProgress;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Logs every backfill's progress; with {@code resume}, first runs the unfinished ones to the end.
 */
@Mojo(name = "backfills", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class BackfillsMojo extends AbstractStepwiseMojo {

	/** Run or resume unfinished backfills (unless another instance is at it). */
	@Parameter(property = "stepwise.resume", defaultValue = "false")
	boolean resume;

	@Override
	void run(Stepwise engine) {
		if (this.resume) {
			List<String> resumed = engine.resumeBackfills();
			getLog().info(resumed.isEmpty() ? "No backfill to resume (or another instance is running them)"
					: "Resumed and finished: " + String.join(", ", resumed));
		}
		List<BackfillProgress> backfills = engine.backfills();
		if (backfills.isEmpty()) {
			getLog().info("No backfills");
			return;
		}
		for (BackfillProgress progress : backfills) {
			String rows = progress.rowsDone()
					+ ((progress.estimatedTotal() > 0) ? " of ~" + progress.estimatedTotal() : "") + " rows";
			getLog().info(String.format("%-30s %-20s %s, updated %s", progress.name(), progress.table(),
					progress.done() ? "done, " + rows : "running, " + rows, progress.updatedAt()));
		}
	}

}
