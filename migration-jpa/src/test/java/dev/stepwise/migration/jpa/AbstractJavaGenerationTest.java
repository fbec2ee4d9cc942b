package dev.stepwise.migration.jpa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.stepwise.migration.catalog.Catalog;
import dev.stepwise.migration.catalog.GenerationRefusedException;
import dev.stepwise.migration.catalog.MigrationGenerator.Generation;
import dev.stepwise.migration.catalog.WriteOptions;
import dev.stepwise.migration.jpa.model.EvolvingModel;
import dev.stepwise.migration.jpa.model.LibraryModel;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code generate --java}: each change as one Java {@code SchemaMigration} on the schema DSL,
 * applied, regenerated to nothing, and rolled back by its automatic undo to exactly the
 * catalogue before it.
 */
abstract class AbstractJavaGenerationTest {

	private Workspace workspace;

	@BeforeEach
	void workspace(TestDatabase database, @TempDir Path migrations, @TempDir Path javaSources,
			@TempDir Path classes) {
		database.reset();
		this.workspace = new Workspace(database, migrations, javaSources, classes);
	}

	@Test
	void threeStepsWrittenAsSchemaMigrationsAppliedRegeneratedEmptyAndUndoneExactly() throws Exception {
		List<Catalog> catalogues = new ArrayList<>(List.of(this.workspace.read()));
		for (int step = 1; step <= 3; step++) {
			WriteOptions options = new WriteOptions(step == 3);
			Generation generation = this.workspace.generate(LibraryModel.step(step), List.of(), options);
			List<Path> files = generation.writeJavaMigration(this.workspace.javaSources(), "library step " + step);
			assertThat(files).extracting((file) -> file.getFileName().toString())
				.containsExactly("V" + step + "__library_step_" + step + ".java");
			this.workspace.compile(files.get(0));
			this.workspace.engine().migrate();
			assertThat(this.workspace.generate(LibraryModel.step(step), List.of(), options).diff().toString())
				.as("step %d regenerated\n%s", step, this.workspace.scripts())
				.isEmpty();
			if (step == 2) {
				this.workspace.execute("INSERT INTO author (name, email) VALUES ('Ada', 'ada@example.com')");
			}
			catalogues.add(this.workspace.read());
		}
		assertThat(files(this.workspace.migrations())).as("no SQL script").isEmpty();
		keepForReading();
		String step3 = Files.readString(this.workspace.javaSources().resolve("V3__library_step_3.java"));
		assertThat(step3).contains("schema.dropTable(", "schema.dropColumn(", "schema.dropNotNull(",
				"schema.changeColumnType(");
		for (int step = 3; step >= 1; step--) {
			this.workspace.engine().rollbackTo(String.valueOf(step - 1));
			assertThat(this.workspace.read().facts()).as("undid step %d\n%s", step, this.workspace.scripts())
				.containsExactlyElementsOf(catalogues.get(step - 1).facts());
		}
	}

	@Test
	void whatTheSchemaDslCannotSayIsRefusedNamingIt() {
		Generation generation = this.workspace.generate(EvolvingModel.step(1), List.of(), WriteOptions.safe());
		assertThatExceptionOfType(GenerationRefusedException.class)
			.isThrownBy(() -> generation.writeJavaMigration(this.workspace.javaSources(), "with a sequence"))
			.withMessageContaining("sequence")
			.withMessageContaining("generate without --java writes it as SQL");
	}

	/** The generated classes under target/, to read what was written for each database. */
	private void keepForReading() throws Exception {
		Path copy = Path.of("target", "generated-java",
				this.workspace.database().type().name().toLowerCase(java.util.Locale.ROOT));
		Files.createDirectories(copy);
		try (Stream<Path> files = Files.list(this.workspace.javaSources())) {
			for (Path file : files.toList()) {
				Files.copy(file, copy.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static List<String> files(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
