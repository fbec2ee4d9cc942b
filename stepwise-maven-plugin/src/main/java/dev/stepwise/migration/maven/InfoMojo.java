package dev.stepwise.migration.maven;

import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.StepwiseInfo;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Logs every migration with its state, and the current version.
 */
@Mojo(name = "info", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class InfoMojo extends AbstractStepwiseMojo {

	@Override
	void run(Stepwise engine) {
		StepwiseInfo info = engine.info();
		getLog().info("Current version: " + Plans.version(info.currentVersion()) + "; " + info.pending().size()
				+ " pending");
		for (MigrationInfo migration : info.migrations()) {
			getLog().info(String.format("%-10s %-12s %-30s %s", (migration.version() != null) ? migration.version() : "R",
					migration.state(), migration.description(), migration.script()));
		}
	}

}
