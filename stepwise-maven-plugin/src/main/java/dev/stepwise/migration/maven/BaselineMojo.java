package dev.stepwise.migration.maven;

import dev.stepwise.migration.Stepwise;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Records {@code baselineVersion} (default 1) as the baseline of a database that Stepwise
 * has not migrated yet.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class BaselineMojo extends AbstractStepwiseMojo {

	@Override
	void run(Stepwise engine) {
		String version = engine.configuration().baselineVersion();
		engine.baseline(version);
		getLog().info("Baselined at version " + version);
	}

}
