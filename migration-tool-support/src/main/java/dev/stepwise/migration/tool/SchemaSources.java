package dev.stepwise.migration.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.catalog.SchemaSource;
import dev.stepwise.migration.catalog.SchemaSourceFactory;

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
				return projectDirectory.resolve(location.substring("filesystem:".length()).replace("{vendor}", vendor));
			}
		}
		String first = configuration.locations().get(0);
		String path = first.startsWith("classpath:") ? first.substring("classpath:".length()) : "db/migration";
		return projectDirectory.resolve("src/main/resources").resolve(path.replace("{vendor}", vendor));
	}

}
