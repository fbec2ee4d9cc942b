package dev.stepwise.migration.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.catalog.CatalogDiff;
import dev.stepwise.migration.catalog.Difference;
import dev.stepwise.migration.catalog.GeneratedMigration;
import dev.stepwise.migration.catalog.MigrationGenerator;
import dev.stepwise.migration.catalog.MigrationsSchema;
import dev.stepwise.migration.catalog.SchemaSource;
import dev.stepwise.migration.catalog.ShadowDatabase;
import dev.stepwise.migration.catalog.WriteOptions;
import dev.stepwise.migration.tool.JdbcDrivers;
import dev.stepwise.migration.tool.SchemaSources;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;

/**
 * What {@code generate} and {@code diff} share: shadow databases on the configured server,
 * and the wanted schema from a {@link SchemaSourceFactory} found on the class path (the
 * {@code migration-jpa} module), so that the command line itself never loads Hibernate.
 */
final class SchemaComparison {

	private final Stepwise engine;

	private final Settings settings;

	SchemaComparison(Stepwise engine, Settings settings) {
		this.engine = engine;
		this.settings = settings;
	}

	ShadowDatabase.Connector connector() {
		return JdbcDrivers.connector(this.engine.configuration().classLoader(), this.settings.get("user"),
				this.settings.get("password"), CliException.WORDING);
	}

	String url() {
		String url = this.settings.get("url");
		if (url == null) {
			throw CliException.usage("No database: give --url, STEPWISE_URL, or a --config file with stepwise.url");
		}
		return url;
	}

	MigrationGenerator.Generation generate(SchemaOptions options) {
		MigrationGenerator generator = new MigrationGenerator(url(), connector(),
				MigrationsSchema.sameAs(this.engine.configuration()));
		return generator.generate(source(options), options.columnRenames(),
				new WriteOptions(options.allowDrop, options.expand, options.inPlace));
	}

	CatalogDiff drift() {
		try (ShadowDatabase shadow = ShadowDatabase.create(url(), connector())) {
			return MigrationsSchema.drift(this.engine, MigrationsSchema.sameAs(this.engine.configuration()), shadow);
		}
	}

	private SchemaSource source(SchemaOptions options) {
		return SchemaSources.find(this.engine.configuration().classLoader(), options.entityPackages,
				options.jpaProperties, "add migration-jpa and the project's dependencies (Hibernate ORM) to --class-path,"
						+ " with its compiled classes (target/classes)",
				CliException.WORDING);
	}

	/** Where to write: --output, else where the locations say. */
	Path directory(@Nullable Path output, String vendor) {
		return (output != null) ? output
				: SchemaSources.directory(this.engine.configuration(), Path.of("").toAbsolutePath(), vendor);
	}

	static Map<String, @Nullable Object> view(String command, CatalogDiff diff, @Nullable GeneratedMigration migration) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("command", command);
		view.put("differences", diff.differences().stream().map(Difference::describe).toList());
		view.put("renameSuggestions", diff.renameSuggestions());
		if (migration != null) {
			view.put("up", migration.up());
			view.put("down", migration.down());
			view.put("upWithoutTransaction", migration.upWithoutTransaction());
			view.put("downWithoutTransaction", migration.downWithoutTransaction());
			view.put("notes", migration.notes());
		}
		return view;
	}

}
