package dev.stepwise.migration.maven;

import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseInfo;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Logs every migration with its state, and the current version.
 */
@Mojo(name = "info", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class InfoMojo extends AbstractStepwiseMojo {

	/** Show the versions above this one as ABOVE_TARGET, as migrate with this target leaves them. */
	@Parameter(property = "stepwise.target")
	@Nullable String target;

	@Override
	Map<String, String> goalSettings() {
		return (this.target != null) ? Map.of("target", this.target) : Map.of();
	}

	@Override
	void run(Stepwise engine) {
		StepwiseInfo info = engine.info();
		MigrationVersion target = engine.configuration().target();
		long aboveTarget = info.migrations()
			.stream()
			.filter((migration) -> migration.state() == MigrationState.ABOVE_TARGET)
			.count();
		getLog().info("Current version: " + Plans.version(info.currentVersion()) + "; " + info.pending().size()
				+ " pending" + ((aboveTarget > 0) ? "; " + aboveTarget + " above the target " + target : ""));
		for (MigrationInfo migration : info.migrations()) {
			getLog().info(String.format("%-10s %-12s %-30s %s", (migration.version() != null) ? migration.version() : "R",
					migration.state(), migration.description(), migration.script()));
		}
	}

}
