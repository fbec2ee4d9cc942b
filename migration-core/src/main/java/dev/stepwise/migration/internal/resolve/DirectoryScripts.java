package dev.stepwise.migration.internal.resolve;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.api.StepwiseException;

/**
 * Lists the scripts in a directory tree: a {@code filesystem:} location, or a
 * {@code classpath:} location in a directory of classes.
 */
final class DirectoryScripts {

	private DirectoryScripts() {
	}

	static void list(Path directory, Location location, List<ScriptResource> scripts) {
		try {
			walk(directory, "", location, scripts, new HashSet<>());
		}
		catch (IOException | DirectoryIteratorException ex) {
			throw new StepwiseException("Cannot list " + location.text() + " in " + directory + ": " + ex, ex);
		}
	}

	/**
	 * Walks a directory tree, following symbolic links.
	 * <ol>
	 * <li>Skip a directory already visited: a link back up the tree would loop.</li>
	 * <li>Take a name ending in {@code .sql} as a script without asking the file system:
	 * one call per script would cost more than the listing itself.</li>
	 * <li>Check only the other names for being a directory, and walk into those.</li>
	 * </ol>
	 */
	private static void walk(Path directory, String relativeDirectory, Location location,
			List<ScriptResource> scripts, Set<Object> visited) throws IOException {
		Object key = Files.readAttributes(directory, BasicFileAttributes.class).fileKey();
		if (key != null && !visited.add(key)) {
			return;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (ScriptName.isScript(name)) {
					scripts.add(new FileScriptResource(entry, relativeDirectory + name, location));
				}
				else if (Files.isDirectory(entry)) {
					walk(entry, relativeDirectory + name + "/", location, scripts, visited);
				}
			}
		}
	}

}
