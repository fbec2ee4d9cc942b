package dev.stepwise.migration.maven;

import dev.stepwise.migration.Stepwise;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the migrations against the history; the build fails naming every problem.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ValidateMojo extends AbstractStepwiseMojo {

	@Override
	void run(Stepwise engine) {
		engine.validate();
		getLog().info("Valid: the migrations match the history");
	}

}
