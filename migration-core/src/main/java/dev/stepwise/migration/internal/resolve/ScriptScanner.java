package dev.stepwise.migration.internal.resolve;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.api.ScriptSource;
import dev.stepwise.migration.api.StepwiseException;
import org.jspecify.annotations.Nullable;

/**
 * Lists the scripts under a location, in every directory and jar where it exists, without
 * reading them.
 */
final class ScriptScanner {

	private final ClassLoader classLoader;

	private final @Nullable ScriptSource classpathSource;

	ScriptScanner(ClassLoader classLoader, @Nullable ScriptSource classpathSource) {
		this.classLoader = classLoader;
		this.classpathSource = classpathSource;
	}

	/**
	 * Lists the {@code .sql} files under a location and its subdirectories, ordered by path.
	 * @param location the location
	 * @return the scripts, or {@code null} when the location exists nowhere
	 */
	@Nullable List<ScriptResource> scan(Location location) {
		if (location.classpath() && this.classpathSource != null) {
			List<ScriptResource> supplied = this.classpathSource.scan(location.text(), location.path());
			if (supplied == null) {
				return null;
			}
			List<ScriptResource> scripts = new ArrayList<>(supplied);
			scripts.sort(Comparator.comparing(ScriptResource::path));
			return scripts;
		}
		List<ScriptResource> scripts = new ArrayList<>();
		boolean found = location.classpath() ? scanClasspath(location, scripts) : scanFilesystem(location, scripts);
		if (!found) {
			return null;
		}
		// Stable: the same path from two class path roots keeps the roots' order.
		scripts.sort(Comparator.comparing(ScriptResource::path));
		return scripts;
	}

	private boolean scanFilesystem(Location location, List<ScriptResource> scripts) {
		return scanDirectory(Path.of(location.path()), location, scripts);
	}

	private static boolean scanDirectory(Path directory, Location location, List<ScriptResource> scripts) {
		if (!Files.isDirectory(directory)) {
			return false;
		}
		DirectoryScripts.list(directory, location, scripts);
		return true;
	}

	private boolean scanClasspath(Location location, List<ScriptResource> scripts) {
		Set<URL> roots = new LinkedHashSet<>();
		try {
			roots.addAll(Collections.list(this.classLoader.getResources(location.path())));
		}
		catch (IOException ex) {
			throw new StepwiseException("Cannot look up " + location.text() + " on the class path: " + ex, ex);
		}
		boolean found = false;
		for (URL root : roots) {
			found |= scanRoot(root, location, scripts);
		}
		return found;
	}

	private boolean scanRoot(URL root, Location location, List<ScriptResource> scripts) {
		try {
			if ("file".equals(root.getProtocol())) {
				return scanDirectory(Path.of(root.toURI()), location, scripts);
			}
			URLConnection connection = root.openConnection();
			if (connection instanceof JarURLConnection jar) {
				// Any JarURLConnection, so also Spring Boot's nested jars
				// (jar:nested:/app.jar/!BOOT-INF/classes/!/db/migration), whose URLs only their
				// handler understands. The jar comes from the connection's cache and is shared:
				// closing it here would break the class loader.
				String entryName = jar.getEntryName();
				JarScripts.list(jar.getJarFile(), (entryName != null) ? entryName : "", location, scripts);
				return true;
			}
		}
		catch (IOException | URISyntaxException ex) {
			throw new StepwiseException("Cannot list " + location.text() + " in " + root + ": " + ex, ex);
		}
		throw new StepwiseException("Cannot list " + location.text() + " in " + root
				+ ": the class path entry is neither a directory nor a jar. Package the scripts in a directory or jar,"
				+ " or use a filesystem: location.");
	}

}
