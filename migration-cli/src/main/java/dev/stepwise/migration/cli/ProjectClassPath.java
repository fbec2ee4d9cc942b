package dev.stepwise.migration.cli;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.stepwise.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * The project's jars and directories given with {@code --class-path} (and drivers with
 * {@code --driver-path}): a class loader for {@code classpath:} locations and drivers, and
 * the Java migrations in them, found by name as in the application.
 */
final class ProjectClassPath {

	// V1__Name, V1_2__Name, R__Name: only such classes are loaded, never the whole jar.
	private static final Pattern MIGRATION_CLASS = Pattern.compile("(?:^|.*/)[VR][0-9_.]*__[^/$]+\\.class");

	private final List<Path> entries;

	private final ClassLoader classLoader;

	ProjectClassPath(List<Path> classPath, List<Path> driverPath) {
		this.entries = List.copyOf(classPath);
		List<URL> urls = new ArrayList<>();
		for (Path entry : concat(classPath, driverPath)) {
			if (!Files.exists(entry)) {
				throw CliException.usage("The class path entry " + entry + " does not exist. Build the project first,"
						+ " or correct --class-path / --driver-path.");
			}
			try {
				urls.add(entry.toUri().toURL());
			}
			catch (MalformedURLException ex) {
				throw new CliException(ExitCode.USAGE, "Not a usable class path entry: " + entry, ex);
			}
		}
		ClassLoader parent = ProjectClassPath.class.getClassLoader();
		this.classLoader = urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
	}

	ClassLoader classLoader() {
		return this.classLoader;
	}

	/** One instance of every concrete Java migration class of the class path entries. */
	List<JavaMigration> javaMigrations() {
		List<JavaMigration> migrations = new ArrayList<>();
		for (Path entry : this.entries) {
			for (String className : migrationClassNames(entry)) {
				JavaMigration migration = instantiate(className);
				if (migration != null) {
					migrations.add(migration);
				}
			}
		}
		return migrations;
	}

	private @Nullable JavaMigration instantiate(String className) {
		Class<?> type;
		try {
			type = Class.forName(className, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new CliException(ExitCode.USAGE, "Cannot load the Java migration " + className + ": " + ex
					+ ". Put the classes it needs on --class-path.", ex);
		}
		if (!JavaMigration.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())
				|| type.isInterface()) {
			return null;
		}
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return (JavaMigration) constructor.newInstance();
		}
		catch (NoSuchMethodException ex) {
			throw new CliException(ExitCode.USAGE, "The Java migration " + className + " has no constructor without"
					+ " arguments, so the command line cannot create it. Give it one.", ex);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new CliException(ExitCode.USAGE, "Cannot create the Java migration " + className + ": " + ex, ex);
		}
	}

	private static List<String> migrationClassNames(Path entry) {
		List<String> names = new ArrayList<>();
		try {
			if (Files.isDirectory(entry)) {
				try (Stream<Path> files = Files.walk(entry)) {
					files.map((file) -> entry.relativize(file).toString().replace('\\', '/'))
						.filter((name) -> MIGRATION_CLASS.matcher(name).matches())
						.forEach((name) -> names.add(className(name)));
				}
			}
			else if (entry.getFileName().toString().endsWith(".jar")) {
				try (JarFile jar = new JarFile(entry.toFile())) {
					Enumeration<JarEntry> jarEntries = jar.entries();
					while (jarEntries.hasMoreElements()) {
						String name = jarEntries.nextElement().getName();
						if (MIGRATION_CLASS.matcher(name).matches()) {
							names.add(className(name));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.USAGE, "Cannot read the class path entry " + entry + ": " + ex, ex);
		}
		return names;
	}

	private static String className(String path) {
		return path.substring(0, path.length() - ".class".length()).replace('/', '.');
	}

	private static List<Path> concat(List<Path> first, List<Path> second) {
		List<Path> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
