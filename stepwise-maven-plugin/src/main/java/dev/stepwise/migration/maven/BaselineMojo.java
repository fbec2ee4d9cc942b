package dev.stepwise.migration.maven;

import dev.stepwise.migration.Stepwise;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Records a version as the baseline of a database that Stepwise has not migrated yet.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class BaselineMojo extends AbstractStepwiseMojo {

	/** The version to record; default 1. */
	@Parameter(property = "stepwise.baselineVersion")
	@Nullable String baselineVersion;

	@Override
	void run(Stepwise engine) {
		String version = (this.baselineVersion != null) ? this.baselineVersion : engine.configuration().baselineVersion();
		engine.baseline(version);
		getLog().info("Baselined at version " + version);
	}

}
