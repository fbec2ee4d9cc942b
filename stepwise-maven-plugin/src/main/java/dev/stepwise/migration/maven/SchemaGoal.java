package dev.stepwise.migration.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.catalog.ColumnRename;
import dev.stepwise.migration.catalog.MigrationGenerator;
import dev.stepwise.migration.catalog.MigrationsSchema;
import dev.stepwise.migration.catalog.ShadowDatabase;
import dev.stepwise.migration.catalog.WriteOptions;
import dev.stepwise.migration.tool.JdbcDrivers;
import dev.stepwise.migration.tool.SchemaSources;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What {@code stepwise:generate} and {@code stepwise:diff} share: the options, the shadow
 * databases on the configured server, and the entity support (add
 * {@code dev.stepwise:migration-jpa} to the plugin's dependencies).
 */
abstract class SchemaGoal extends AbstractStepwiseMojo {

	/** Columns renamed rather than dropped and added: {@code users.name=full_name}. */
	@Parameter(property = "stepwise.renames")
	@Nullable List<String> renames;

	/** Whether tables, columns and sequences the entities no longer have are dropped. */
	@Parameter(property = "stepwise.allowDrop", defaultValue = "false")
	boolean allowDrop;

	/** Whether a rename is written as an expand (a Java SchemaMigration), its contract left for a later release. */
	@Parameter(property = "stepwise.expand", defaultValue = "false")
	boolean expand;

	/** Whether a type change or a new NOT NULL is altered in place, which the running release may not survive. */
	@Parameter(property = "stepwise.inPlace", defaultValue = "false")
	boolean inPlace;

	/** Where the entities are; default: every class in target/classes. */
	@Parameter(property = "stepwise.entityPackages")
	@Nullable List<String> entityPackages;

	/** The application's {@code spring.jpa.*} and {@code hibernate.*} settings. */
	@Parameter
	@Nullable Map<String, String> jpaProperties;

	@Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
	@Nullable File basedir;

	ShadowDatabase.Connector connector(Stepwise engine) {
		return JdbcDrivers.connector(engine.configuration().classLoader(), this.resolvedUser, this.resolvedPassword,
				WORDING);
	}

	String url() {
		return Objects.requireNonNull(this.resolvedUrl);
	}

	MigrationGenerator.Generation generate(Stepwise engine) {
		List<ColumnRename> columnRenames = (this.renames != null)
				? this.renames.stream().map(ColumnRename::parse).toList() : List.of();
		MigrationGenerator generator = new MigrationGenerator(url(), connector(engine),
				MigrationsSchema.sameAs(engine.configuration()));
		return generator.generate(SchemaSources.find(engine.configuration().classLoader(),
				(this.entityPackages != null) ? this.entityPackages : List.of(),
				(this.jpaProperties != null) ? this.jpaProperties : Map.of(),
				"add dev.stepwise:migration-jpa to the <dependencies> of the plugin", WORDING), columnRenames,
				new WriteOptions(this.allowDrop, this.expand, this.inPlace));
	}

	Path projectDirectory() {
		return (this.basedir != null) ? this.basedir.toPath() : Path.of("");
	}

}
