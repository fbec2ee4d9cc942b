package dev.stepwise.migration.internal.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.java.JavaMigration;

/** Writes scripts for a test and resolves locations with the defaults tests use. */
final class TestScripts {

	private TestScripts() {
	}

	static Path write(Path directory, String path, String text) {
		try {
			Path file = directory.resolve(path);
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path writeScripts(Path directory, String... paths) {
		for (String path : paths) {
			write(directory, path, "SELECT '" + path + "';\n");
		}
		return directory;
	}

	static List<ResolvedMigration> resolve(Path directory, JavaMigration... javaMigrations) {
		return resolver(List.of("filesystem:" + directory), DatabaseType.POSTGRESQL, javaMigrations).resolve();
	}

	static List<ResolvedMigration> resolve(String... locations) {
		return resolver(Arrays.asList(locations), DatabaseType.POSTGRESQL).resolve();
	}

	static MigrationResolver resolver(List<String> locations, DatabaseType databaseType,
			JavaMigration... javaMigrations) {
		return new MigrationResolver(locations, TestScripts.class.getClassLoader(), StandardCharsets.UTF_8,
				databaseType, List.of(javaMigrations));
	}

}
