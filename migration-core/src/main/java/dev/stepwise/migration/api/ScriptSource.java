package dev.stepwise.migration.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Lists the scripts of a {@code classpath:} location in place of the engine's own scanner,
 * for class paths that are neither directories nor jars (a native image's resources): Spring
 * Boot supplies one backed by Spring's resource resolver.
 */
@FunctionalInterface
public interface ScriptSource {

	/**
	 * Lists the {@code .sql} files under a class path location and its subdirectories.
	 * @param location the location as configured, with {@code {vendor}} resolved, such as
	 * {@code classpath:db/migration}
	 * @param path the location's path on the class path, without prefix or surrounding
	 * {@code /}, such as {@code db/migration}
	 * @return the scripts, each with its path relative to the location, or {@code null} when
	 * the location exists nowhere
	 */
	@Nullable List<ScriptResource> scan(String location, String path);

}
