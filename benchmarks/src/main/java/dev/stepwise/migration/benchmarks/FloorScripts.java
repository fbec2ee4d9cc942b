package dev.stepwise.migration.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The floor's own reading of the scripts, the least any tool must do: list the directory,
 * order by version, read each script once, CRC32 its lines, and take each non-blank line as
 * a statement (the benchmark's scripts have one statement per line).
 */
final class FloorScripts {

	private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

	private FloorScripts() {
	}

	static List<Script> readAll(Path directory) throws IOException {
		List<Script> scripts = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "V*.sql")) {
			for (Path file : files) {
				scripts.add(readOne(file));
			}
		}
		scripts.sort(Comparator.comparingInt(Script::version));
		return scripts;
	}

	private static Script readOne(Path file) throws IOException {
		String name = file.getFileName().toString();
		Matcher parts = NAME.matcher(name);
		if (!parts.matches()) {
			throw new IllegalStateException("Not a versioned script name: " + file);
		}
		CRC32 crc32 = new CRC32();
		List<String> statements = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				crc32.update(line.getBytes(StandardCharsets.UTF_8));
				if (!line.isBlank()) {
					statements.add(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
				}
			}
		}
		return new Script(Integer.parseInt(parts.group(1)), parts.group(2).replace('_', ' '), name,
				(int) crc32.getValue(), statements);
	}

	/** One script as the floor sees it. */
	record Script(int version, String description, String name, int checksum, List<String> statements) {
	}

}
