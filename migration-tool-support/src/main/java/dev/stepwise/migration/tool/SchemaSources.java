package dev.stepwise.migration.tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.catalog.SchemaSource;
import dev.stepwise.migration.catalog.SchemaSourceFactory;
import org.jspecify.annotations.Nullable;

/**
 * What {@code generate} needs in both tools: the wanted schema from a
 * {@link SchemaSourceFactory} on the project's class path (the {@code migration-jpa} module,
 * so that neither tool loads Hibernate unless asked), and where to write the scripts.
 */
public final class SchemaSources {

	private SchemaSources() {
	}

	/**
	 * The wanted schema.
	 * @param classLoader the project's class loader
	 * @param packages where the entities are; empty: the project's class directories
	 * @param properties {@code spring.jpa.*} and {@code hibernate.*} settings
	 * @param advice what to do when no factory is found, in the tool's words
	 * @param wording how the tool reports a usage problem
	 * @return the source
	 */
	public static SchemaSource find(ClassLoader classLoader, List<String> packages, Map<String, String> properties,
			String advice, ToolWording wording) {
		for (SchemaSourceFactory factory : ServiceLoader.load(SchemaSourceFactory.class, classLoader)) {
			try {
				return factory.create(classLoader, packages, properties);
			}
			catch (IllegalStateException ex) {
				throw wording.usage(ex.getMessage(), ex);
			}
		}
		throw wording.usage("No entity support on the class path: " + advice);
	}

	/**
	 * Where to write generated scripts when not told: the first {@code filesystem:} location,
	 * else the first {@code classpath:} location under {@code src/main/resources}.
	 * @param configuration the engine's configuration
	 * @param projectDirectory the project's directory
	 * @param vendor what {@code {vendor}} in a location stands for
	 * @return the directory
	 */
	public static Path directory(StepwiseConfiguration configuration, Path projectDirectory, String vendor) {
		for (String location : configuration.locations()) {
			if (location.startsWith("filesystem:")) {
				return directory(location, projectDirectory, vendor);
			}
		}
		return directory(configuration.locations().get(0), projectDirectory, vendor);
	}

	private static Path directory(String location, Path projectDirectory, String vendor) {
		if (location.startsWith("filesystem:")) {
			return projectDirectory.resolve(location.substring("filesystem:".length()).replace("{vendor}", vendor));
		}
		String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : "db/migration";
		return projectDirectory.resolve("src/main/resources").resolve(path.replace("{vendor}", vendor));
	}

	/**
	 * What a generated pair leaves out when the locations use {@code {vendor}}: the pair is
	 * written for the configured database only, because the shadow databases that spell the
	 * types, defaults and constraints exist only on its server, and translating one
	 * database's DDL into another's would be a guess.
	 * @param configuration the engine's configuration
	 * @param projectDirectory the project's directory
	 * @param vendor the configured database's {@code {vendor}}
	 * @return a note naming the other vendors' existing directories and how to fill them,
	 * or {@code null} when no location uses {@code {vendor}} for another existing directory
	 */
	public static @Nullable String otherVendorsNote(StepwiseConfiguration configuration, Path projectDirectory,
			String vendor) {
		Set<Path> others = new LinkedHashSet<>();
		for (String location : configuration.locations()) {
			if (!location.contains("{vendor}")) {
				continue;
			}
			for (DatabaseType type : DatabaseType.values()) {
				Path other = directory(location, projectDirectory, type.vendor());
				if (!type.vendor().equals(vendor) && Files.isDirectory(other)) {
					others.add(other);
				}
			}
		}
		if (others.isEmpty()) {
			return null;
		}
		return "the locations use {vendor}: this migration is written for " + vendor + " only (the shadow databases"
				+ " that spell its SQL exist only on the configured server); " + others.stream()
					.map(Path::toString)
					.collect(Collectors.joining(", "))
				+ " get theirs when generate runs against a database of that vendor (each directory's next version"
				+ " follows its own migrations)";
	}

}
