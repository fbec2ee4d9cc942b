package dev.stepwise.migration.maven;

import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrateResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Applies every pending migration, or with {@code dryRun} logs the SQL it would run.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class MigrateMojo extends AbstractStepwiseMojo {

	/** Log the SQL that would run, with transaction boundaries, and change nothing. */
	@Parameter(property = "stepwise.dryRun", defaultValue = "false")
	boolean dryRun;

	/** Re-apply migrations that were rolled back. */
	@Parameter(property = "stepwise.includingRolledBack", defaultValue = "false")
	boolean includingRolledBack;

	/** Apply versions up to this one only (repeatable migrations still run); latest, the default, for all. */
	@Parameter(property = "stepwise.target")
	@Nullable String target;

	@Override
	Map<String, String> goalSettings() {
		return (this.target != null) ? Map.of("target", this.target) : Map.of();
	}

	@Override
	void run(Stepwise engine) {
		MigrateOptions options = MigrateOptions.defaults();
		if (this.dryRun) {
			options = options.asDryRun();
		}
		if (this.includingRolledBack) {
			options = options.includingRolledBack();
		}
		MigrateResult result = engine.migrate(options);
		if (result.dryRun()) {
			Plans.log(getLog(), result.plan().size() + " migration(s) would run, from version "
					+ Plans.version(result.initialVersion()) + " to " + Plans.version(result.targetVersion()),
					result.plan());
			return;
		}
		for (ExecutedMigration migration : result.applied()) {
			getLog().info("Applied " + migration.script() + " in " + migration.executionTime().toMillis() + " ms");
		}
		getLog().info(result.applied().isEmpty() ? "Nothing to migrate: at version " + Plans.version(result.initialVersion())
				: "Migrated from version " + Plans.version(result.initialVersion()) + " to "
						+ Plans.version(result.targetVersion()) + ": " + result.applied().size() + " migration(s)");
	}

}
