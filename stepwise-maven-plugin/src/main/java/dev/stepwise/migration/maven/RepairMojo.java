package dev.stepwise.migration.maven;

import dev.stepwise.migration.Stepwise;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Removes the records of failed migrations and accepts the current checksums of applied scripts.
 */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RepairMojo extends AbstractStepwiseMojo {

	@Override
	void run(Stepwise engine) {
		engine.repair();
		getLog().info("Repaired the history: failed records removed, checksums accepted");
	}

}
