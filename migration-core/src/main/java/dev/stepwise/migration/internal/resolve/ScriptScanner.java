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
	 * A {@code classpath:} location is listed in the class loader's directories and jars;
	 * the script source, when there is one, lists it only where they cannot: where the
	 * location is in no directory or jar (a native image's resources, a resource loader's
	 * own). Reading the jar's entries directly costs far less than going through URLs, one
	 * per script, as a resource resolver does.
	 * @param location the location
	 * @return the scripts, or {@code null} when the location exists nowhere
	 */
	@Nullable List<ScriptResource> scan(Location location) {
		List<ScriptResource> scripts = new ArrayList<>();
		if (location.classpath()) {
			if (scanClasspath(location, scripts) != Listing.LISTED) {
				return fromSource(location);
			}
		}
		else if (!scanFilesystem(location, scripts)) {
			return null;
		}
		// Stable: the same path from two class path roots keeps the roots' order.
		scripts.sort(Comparator.comparing(ScriptResource::path));
		return scripts;
	}

	private @Nullable List<ScriptResource> fromSource(Location location) {
		if (this.classpathSource == null) {
			return null;
		}
		List<ScriptResource> supplied = this.classpathSource.scan(location.text(), location.path());
		if (supplied == null) {
			return null;
		}
		List<ScriptResource> scripts = new ArrayList<>(supplied);
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

	private Listing scanClasspath(Location location, List<ScriptResource> scripts) {
		Set<URL> roots = new LinkedHashSet<>();
		try {
			roots.addAll(Collections.list(this.classLoader.getResources(location.path())));
		}
		catch (IOException ex) {
			throw new StepwiseException("Cannot look up " + location.text() + " on the class path: " + ex, ex);
		}
		Listing listing = Listing.ABSENT;
		for (URL root : roots) {
			Listing rootListing = scanRoot(root, location, scripts);
			if (rootListing == Listing.UNREADABLE) {
				return Listing.UNREADABLE;
			}
			if (rootListing == Listing.LISTED) {
				listing = Listing.LISTED;
			}
		}
		return listing;
	}

	private Listing scanRoot(URL root, Location location, List<ScriptResource> scripts) {
		try {
			if ("file".equals(root.getProtocol())) {
				return scanDirectory(Path.of(root.toURI()), location, scripts) ? Listing.LISTED : Listing.ABSENT;
			}
			if (this.classpathSource != null && !"jar".equals(root.getProtocol())) {
				// Neither a directory nor a jar (a native image's resource: URLs): the source lists
				// it, without a connection to a URL that may not open one.
				return Listing.UNREADABLE;
			}
			URLConnection connection = root.openConnection();
			if (connection instanceof JarURLConnection jar) {
				// Any JarURLConnection, so also Spring Boot's nested jars
				// (jar:nested:/app.jar/!BOOT-INF/classes/!/db/migration), whose URLs only their
				// handler understands. The jar comes from the connection's cache and is shared:
				// closing it here would break the class loader.
				String entryName = jar.getEntryName();
				JarScripts.list(jar.getJarFile(), (entryName != null) ? entryName : "", location, scripts);
				return Listing.LISTED;
			}
		}
		catch (IOException | URISyntaxException ex) {
			throw new StepwiseException("Cannot list " + location.text() + " in " + root + ": " + ex, ex);
		}
		if (this.classpathSource != null) {
			return Listing.UNREADABLE;
		}
		throw new StepwiseException("Cannot list " + location.text() + " in " + root
				+ ": the class path entry is neither a directory nor a jar. Package the scripts in a directory or jar,"
				+ " or use a filesystem: location.");
	}

	/** What the class loader's entries told of a location. */
	private enum Listing {

		/** Listed in at least one directory or jar. */
		LISTED,

		/** In no directory or jar. */
		ABSENT,

		/** In a class path entry that is neither a directory nor a jar, which the script source lists. */
		UNREADABLE

	}

}
