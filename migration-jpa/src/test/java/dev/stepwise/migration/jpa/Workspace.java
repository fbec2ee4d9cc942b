package dev.stepwise.migration.jpa;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.catalog.Catalog;
import dev.stepwise.migration.catalog.CatalogReader;
import dev.stepwise.migration.catalog.ColumnRename;
import dev.stepwise.migration.catalog.MigrationGenerator;
import dev.stepwise.migration.catalog.MigrationGenerator.Generation;
import dev.stepwise.migration.catalog.ShadowDatabase;
import dev.stepwise.migration.catalog.WriteOptions;
import dev.stepwise.migration.java.JavaMigration;
import dev.stepwise.migration.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project as the generator's tests see it: a test database, a migrations directory, a
 * directory for generated Java migrations and the classes compiled from them.
 */
final class Workspace {

	private final TestDatabase database;

	private final Path migrations;

	private final Path javaSources;

	private final Path classes;

	private final List<JavaMigration> javaMigrations = new ArrayList<>();

	Workspace(TestDatabase database, Path migrations, Path javaSources, Path classes) {
		this.database = database;
		this.migrations = migrations;
		this.javaSources = javaSources;
		this.classes = classes;
	}

	TestDatabase database() {
		return this.database;
	}

	Path migrations() {
		return this.migrations;
	}

	Path javaSources() {
		return this.javaSources;
	}

	MigrationGenerator generator() {
		return new MigrationGenerator(this.database.url(), ShadowDatabase.Connector.driverManager(null, null),
				configuration());
	}

	/** What the generator finds for these entities. */
	Generation generate(List<Class<?>> entities, List<ColumnRename> renames, WriteOptions options) {
		return generator().generate(EntitySchemaSource.of(entities, Map.of()), renames, options);
	}

	/** Writes a generation's files, compiling its Java migration for the engine. */
	List<Path> write(Generation generation, String description) throws Exception {
		List<Path> files = generation.writeFiles(this.migrations, this.javaSources, description);
		for (Path file : files) {
			if (file.getFileName().toString().endsWith(".java")) {
				compile(file);
			}
		}
		return files;
	}

	Function<DataSource, StepwiseConfiguration.Builder> configuration() {
		return (dataSource) -> Stepwise.configure()
			.dataSource(dataSource)
			.locations("filesystem:" + this.migrations)
			.javaMigrations(this.javaMigrations);
	}

	Stepwise engine() {
		return configuration().apply(this.database.dataSource()).load();
	}

	/** Compiles a generated Java migration against this class path and adds it to the engine's. */
	void compile(Path source) throws Exception {
		Path classes = this.classes;
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int result = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path"), source.toString());
		assertThat(result).as("javac %s", source).isZero();
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, getClass().getClassLoader());
		String name = "db.migration." + source.getFileName().toString().replace(".java", "");
		this.javaMigrations.add((JavaMigration) loader.loadClass(name).getConstructor().newInstance());
	}

	Catalog read() throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection()) {
			return CatalogReader.read(connection);
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	String queryString(String sql) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery(sql)) {
			assertThat(result.next()).as("a row from %s", sql).isTrue();
			return result.getString(1);
		}
	}

	/** Every file written so far, to show in an assertion's message. */
	String scripts() throws IOException {
		StringBuilder text = new StringBuilder();
		for (Path directory : List.of(this.migrations, this.javaSources)) {
			if (!Files.isDirectory(directory)) {
				continue;
			}
			try (Stream<Path> files = Files.list(directory)) {
				for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
					text.append("==== ").append(file.getFileName()).append('\n').append(Files.readString(file));
				}
			}
		}
		return text.toString();
	}

}
