package dev.stepwise.migration.catalog;

import java.util.List;
import java.util.Map;

/**
 * Makes a {@link SchemaSource}; found with {@link java.util.ServiceLoader}, so that the
 * command line and the Maven plugin offer {@code generate} when a module such as
 * {@code migration-jpa} is on the class path, without loading it otherwise.
 */
public interface SchemaSourceFactory {

	/** What the source reads, for messages: {@code JPA entities}. */
	String description();

	/**
	 * Makes the source.
	 * @param classLoader where the project's classes are
	 * @param packages where to look for them (empty: the factory's default)
	 * @param properties settings for the source, such as {@code spring.jpa.*}
	 * @return the source
	 */
	SchemaSource create(ClassLoader classLoader, List<String> packages, Map<String, String> properties);

}
