package dev.stepwise.migration.maven;

import java.util.Objects;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.tool.DriftValidation;
import dev.stepwise.migration.tool.JdbcDrivers;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the migrations against the history; the build fails naming every problem.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ValidateMojo extends AbstractStepwiseMojo {

	/** Whether to also compare the database with what its applied migrations make (drift fails the build). */
	@Parameter(property = "stepwise.driftCheck", defaultValue = "false")
	boolean driftCheck;

	@Override
	void run(Stepwise engine) {
		engine.validate();
		if (this.driftCheck) {
			DriftValidation.check(engine, Objects.requireNonNull(this.resolvedUrl), JdbcDrivers
				.connector(engine.configuration().classLoader(), this.resolvedUser, this.resolvedPassword, WORDING));
			getLog().info("Valid: the migrations match the history, and the schema is what they make");
			return;
		}
		getLog().info("Valid: the migrations match the history");
	}

}
