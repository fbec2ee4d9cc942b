package dev.stepwise.migration.maven;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.RollbackRequest;
import dev.stepwise.migration.api.RollbackResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Undoes applied migrations down to {@code target} or the last {@code count}, or with
 * {@code dryRun} logs the SQL it would run.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RollbackMojo extends AbstractStepwiseMojo {

	/** Undo every applied migration above this version (0 undoes everything). */
	@Parameter(property = "stepwise.target")
	@Nullable String target;

	/** Undo the N most recent applied migrations. */
	@Parameter(property = "stepwise.count")
	@Nullable Integer count;

	/** Log the SQL that would run and change nothing. */
	@Parameter(property = "stepwise.dryRun", defaultValue = "false")
	boolean dryRun;

	@Override
	void run(Stepwise engine) throws MojoFailureException {
		if ((this.target == null) == (this.count == null)) {
			throw new IllegalArgumentException("Give exactly one of target (-Dstepwise.target=VERSION) and count"
					+ " (-Dstepwise.count=N)" + ((this.target != null) ? ", not both" : ""));
		}
		RollbackRequest request = (this.target != null) ? RollbackRequest.toVersion(this.target)
				: RollbackRequest.last(this.count);
		RollbackResult result = engine.rollback(this.dryRun ? request.asDryRun() : request);
		if (result.dryRun()) {
			Plans.log(getLog(), result.plan().size() + " migration(s) would be rolled back, from version "
					+ Plans.version(result.initialVersion()) + " to " + Plans.version(result.targetVersion()),
					result.plan());
			return;
		}
		for (ExecutedMigration migration : result.rolledBack()) {
			getLog().info("Rolled back " + migration.script() + " in " + migration.executionTime().toMillis() + " ms");
		}
		getLog().info("Rolled back from version " + Plans.version(result.initialVersion()) + " to "
				+ Plans.version(result.targetVersion()) + ": " + result.rolledBack().size() + " migration(s)");
	}

}
