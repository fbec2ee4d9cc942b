package dev.stepwise.migration.jpa;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

/**
 * Finds the managed classes (entities, embeddables, mapped superclasses, converters) in
 * packages, as Boot's {@code @EntityScan} does; with no package, in every class directory of
 * the class loader (the project's {@code target/classes}).
 */
final class EntityScanner {

	private static final List<Class<? extends Annotation>> MANAGED = List.of(Entity.class, Embeddable.class,
			MappedSuperclass.class, Converter.class);

	private EntityScanner() {
	}

	static List<Class<?>> scan(ClassLoader classLoader, List<String> packages) {
		TreeSet<String> names = new TreeSet<>();
		try {
			if (packages.isEmpty()) {
				for (Path directory : classDirectories(classLoader)) {
					names.addAll(classesUnder(directory, ""));
				}
			}
			for (String pkg : packages) {
				String path = pkg.replace('.', '/');
				Enumeration<URL> roots = classLoader.getResources(path);
				while (roots.hasMoreElements()) {
					URL root = roots.nextElement();
					if (root.getProtocol().equals("file")) {
						names.addAll(classesUnder(Paths.get(root.toURI()), pkg));
					}
					else if (root.getProtocol().equals("jar")) {
						JarURLConnection connection = (JarURLConnection) root.openConnection();
						connection.setUseCaches(false);
						try (JarFile jar = connection.getJarFile()) {
							jar.stream()
								.map((entry) -> entry.getName())
								.filter((name) -> name.startsWith(path + "/") && name.endsWith(".class"))
								.forEach((name) -> names.add(className(name)));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot scan " + packages + " for entities: " + ex.getMessage(), ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot scan " + packages + " for entities: " + ex.getMessage(), ex);
		}
		List<Class<?>> managed = new ArrayList<>();
		for (String name : names) {
			if (name.endsWith("package-info") || name.endsWith("module-info")) {
				continue;
			}
			try {
				Class<?> type = Class.forName(name, false, classLoader);
				if (MANAGED.stream().anyMatch(type::isAnnotationPresent)) {
					managed.add(type);
				}
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// A class whose dependencies are missing is no entity of this project.
			}
		}
		return managed;
	}

	private static List<Path> classDirectories(ClassLoader classLoader) throws URISyntaxException {
		List<Path> directories = new ArrayList<>();
		if (classLoader instanceof URLClassLoader urls) {
			for (URL url : urls.getURLs()) {
				if (url.getProtocol().equals("file") && new File(url.toURI()).isDirectory()) {
					directories.add(Paths.get(url.toURI()));
				}
			}
		}
		return directories;
	}

	private static List<String> classesUnder(Path directory, String pkg) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> {
					String relative = directory.relativize(file).toString().replace(File.separatorChar, '/');
					return className((pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + relative);
				})
				.toList();
		}
	}

	private static String className(String resource) {
		return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
	}

}
