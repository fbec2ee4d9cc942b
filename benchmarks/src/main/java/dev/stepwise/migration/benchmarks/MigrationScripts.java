package dev.stepwise.migration.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Writes the benchmark's migrations: {@code V<n>__create_bench_<n>.sql}, each a CREATE
 * TABLE and an INSERT on lines of their own.
 */
final class MigrationScripts {

	private final int count;

	MigrationScripts(int count) {
		this.count = count;
	}

	int count() {
		return this.count;
	}

	/** Writes the scripts into {@code directory}, replacing whatever it held. */
	Path writeTo(Path directory) throws IOException {
		deleteRecursively(directory);
		Files.createDirectories(directory);
		for (int n = 1; n <= this.count; n++) {
			Files.writeString(directory.resolve(name(n)), text(n), StandardCharsets.UTF_8);
		}
		return directory;
	}

	/** Writes the scripts into a jar under {@code db/migration/}, as an application ships them. */
	Path writeJar(Path jar) throws IOException {
		Files.createDirectories(jar.getParent());
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
			entries.putNextEntry(new JarEntry("db/"));
			entries.putNextEntry(new JarEntry("db/migration/"));
			for (int n = 1; n <= this.count; n++) {
				entries.putNextEntry(new JarEntry("db/migration/" + name(n)));
				entries.write(text(n).getBytes(StandardCharsets.UTF_8));
			}
		}
		return jar;
	}

	private static String name(int n) {
		return "V" + n + "__create_bench_" + n + ".sql";
	}

	private static String text(int n) {
		return "CREATE TABLE bench_" + n + " (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
				+ "INSERT INTO bench_" + n + " (id, name) VALUES (1, 'row of migration " + n + "');\n";
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
