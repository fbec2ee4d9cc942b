package dev.stepwise.migration.tool;

import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * How a tool (the command line or the Maven plugin) names itself, advises its user and reports a usage problem.
 * @param name the tool as a message names it, such as "the command line"
 * @param configFileAdvice what follows "Configuration file X does not exist."
 * @param driverAdvice what follows "No JDBC driver accepts the URL X."
 * @param missingEntryAdvice what follows "The class path entry X does not exist."
 * @param dependencyAdvice what follows "Cannot load the Java migration X: failure."
 * @param usage the exception for a usage problem with its message and cause, if any
 */
public record ToolWording(String name, String configFileAdvice, String driverAdvice, String missingEntryAdvice,
		String dependencyAdvice, BiFunction<String, @Nullable Throwable, RuntimeException> usage) {

	RuntimeException usage(String message) {
		return this.usage.apply(message, null);
	}

	RuntimeException usage(String message, Throwable cause) {
		return this.usage.apply(message, cause);
	}

}
