package dev.stepwise.migration.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Lists the scripts of a {@code classpath:} location where the engine's own scanner cannot:
 * when the location is in none of the class loader's directories and jars (a native image's
 * resources, which are neither). Spring Boot supplies one backed by Spring's resource
 * resolver. The engine lists directories and jars itself, since it reads a jar's entries at
 * a fraction of the cost of a resolver's URL per script.
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
