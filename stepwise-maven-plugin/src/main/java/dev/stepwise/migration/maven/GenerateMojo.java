package dev.stepwise.migration.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.catalog.MigrationGenerator;
import dev.stepwise.migration.tool.SchemaSources;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * {@code mvn compile stepwise:generate -Dstepwise.name=add_orders}: the next migration and its
 * undo from the project's JPA entities, against what its migrations make.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class GenerateMojo extends SchemaGoal {

	/** What the migration does, for its file name. */
	@Parameter(property = "stepwise.name", required = true)
	@Nullable String name;

	/** Where to write; default: the first filesystem: location, else src/main/resources/db/migration. */
	@Parameter(property = "stepwise.output")
	@Nullable File output;

	/** Where an expand or contract goes, as a Java migration of package db.migration. */
	@Parameter(property = "stepwise.javaOutput", defaultValue = "${project.basedir}/src/main/java/db/migration")
	@Nullable File javaOutput;

	/** Whether to write the whole change as one Java SchemaMigration (into javaOutput) instead of V/U SQL. */
	@Parameter(property = "stepwise.java", defaultValue = "false")
	boolean java;

	@Override
	void run(Stepwise engine) {
		MigrationGenerator.Generation generation = generate(engine);
		Path directory = (this.output != null) ? this.output.toPath()
				: SchemaSources.directory(engine.configuration(), projectDirectory(), generation.type().vendor());
		Path javaDirectory = (this.javaOutput != null) ? this.javaOutput.toPath()
				: projectDirectory().resolve("src/main/java/db/migration");
		String description = (this.name != null) ? this.name : "generated";
		List<Path> files = this.java ? generation.writeJavaMigration(javaDirectory, description)
				: generation.writeFiles(directory, javaDirectory, description);
		if (files.isEmpty()) {
			getLog().info("Nothing to generate: the migrations already make what the entities describe");
		}
		generation.diff().differences().forEach((difference) -> getLog().info("  " + difference.describe()));
		files.forEach((file) -> getLog().info("Wrote " + file));
		generation.migration().notes().forEach((note) -> getLog().warn("Note: " + note));
		String vendors = SchemaSources.otherVendorsNote(engine.configuration(), projectDirectory(),
				generation.type().vendor());
		if (vendors != null && !files.isEmpty() && this.output == null) {
			getLog().warn("Note: " + vendors);
		}
		generation.diff().renameSuggestions().forEach((suggestion) -> getLog().warn("Suggestion: " + suggestion));
	}

}
