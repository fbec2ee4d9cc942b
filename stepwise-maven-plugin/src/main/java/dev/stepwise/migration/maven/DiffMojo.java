package dev.stepwise.migration.maven;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.catalog.CatalogDiff;
import dev.stepwise.migration.catalog.GeneratedMigration;
import dev.stepwise.migration.catalog.MigrationGenerator;
import dev.stepwise.migration.catalog.MigrationsSchema;
import dev.stepwise.migration.catalog.ShadowDatabase;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn stepwise:diff}: what {@code generate} would write; with
 * {@code -Dstepwise.drift=true}, what differs between the database and what its applied
 * migrations make, failing the build when anything does.
 */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class DiffMojo extends SchemaGoal {

	/** Whether to compare the live database with what its applied migrations make. */
	@Parameter(property = "stepwise.drift", defaultValue = "false")
	boolean drift;

	@Override
	void run(Stepwise engine) throws MojoFailureException {
		if (this.drift) {
			CatalogDiff drift;
			try (ShadowDatabase shadow = ShadowDatabase.create(url(), connector(engine))) {
				drift = MigrationsSchema.drift(engine, MigrationsSchema.sameAs(engine.configuration()), shadow);
			}
			if (drift.isEmpty()) {
				getLog().info("No drift: the database is what its applied migrations make");
				return;
			}
			drift.differences().forEach((difference) -> getLog().error("  " + difference.describe()));
			throw new MojoFailureException("Drift: the database differs from what its applied migrations make in "
					+ drift.differences().size() + " way(s) (+ only in the database, - only in the migrations, ~ changed)");
		}
		MigrationGenerator.Generation generation = generate(engine);
		if (generation.isEmpty()) {
			getLog().info("Nothing to generate: the migrations already make what the entities describe");
			return;
		}
		generation.diff().differences().forEach((difference) -> getLog().info("  " + difference.describe()));
		GeneratedMigration migration = generation.migration();
		getLog().info("-- V" + generation.version());
		migration.up().forEach((statement) -> getLog().info(statement + ";"));
		migration.upWithoutTransaction().forEach((statement) -> getLog().info(statement + ";"));
		getLog().info("-- undo");
		migration.downWithoutTransaction().forEach((statement) -> getLog().info(statement + ";"));
		migration.down().forEach((statement) -> getLog().info(statement + ";"));
		migration.notes().forEach((note) -> getLog().warn("Note: " + note));
		generation.refusals().forEach((refusal) -> getLog().warn("Refused (generate writes nothing): " + refusal));
		generation.diff().renameSuggestions().forEach((suggestion) -> getLog().warn("Suggestion: " + suggestion));
	}

}
