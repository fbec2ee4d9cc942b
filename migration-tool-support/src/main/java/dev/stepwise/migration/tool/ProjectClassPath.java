package dev.stepwise.migration.tool;

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

import dev.stepwise.migration.java.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * The project's jars and directories, with a class loader for {@code classpath:} locations and JDBC drivers and the Java migrations in them, found by name as in the application.
 */
public final class ProjectClassPath {

	// V1__Name, V1_2__Name, R__Name: only such classes are loaded, never the whole jar.
	private static final Pattern MIGRATION_CLASS = Pattern.compile("(?:^|.*/)[VR][0-9_.]*__[^/$]+\\.class");

	private final List<Path> entries;

	private final ClassLoader classLoader;

	private final ToolWording wording;

	/**
	 * The class path of the given entries, with the driver entries that only the class loader sees.
	 * @param classPath the entries searched for Java migrations
	 * @param driverPath further entries for the class loader only
	 * @param wording how the tool words and reports a problem with an entry or a migration
	 */
	public ProjectClassPath(List<Path> classPath, List<Path> driverPath, ToolWording wording) {
		this.entries = List.copyOf(classPath);
		this.wording = wording;
		List<URL> urls = new ArrayList<>();
		for (Path entry : concat(classPath, driverPath)) {
			if (!Files.exists(entry)) {
				throw wording.usage("The class path entry " + entry + " does not exist. " + wording.missingEntryAdvice());
			}
			try {
				urls.add(entry.toUri().toURL());
			}
			catch (MalformedURLException ex) {
				throw wording.usage("Not a usable class path entry: " + entry, ex);
			}
		}
		ClassLoader parent = ProjectClassPath.class.getClassLoader();
		this.classLoader = urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
	}

	/**
	 * The class loader of the entries, or this class's own when there are none.
	 * @return the class loader
	 */
	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * One instance of every concrete Java migration class of the class path entries.
	 * @return the migrations
	 */
	public List<JavaMigration> javaMigrations() {
		List<JavaMigration> migrations = new ArrayList<>();
		for (Path entry : this.entries) {
			for (String className : migrationClassNames(entry, this.wording)) {
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
			throw this.wording.usage("Cannot load the Java migration " + className + ": " + ex + ". "
					+ this.wording.dependencyAdvice(), ex);
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
			throw this.wording.usage("The Java migration " + className + " has no constructor without"
					+ " arguments, so " + this.wording.name() + " cannot create it. Give it one.", ex);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw this.wording.usage("Cannot create the Java migration " + className + ": " + ex, ex);
		}
	}

	private static List<String> migrationClassNames(Path entry, ToolWording wording) {
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
			throw wording.usage("Cannot read the class path entry " + entry + ": " + ex, ex);
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
