package dev.stepwise.migration.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A benchmark's settings, given as {@code name=value} arguments ({@code benchmarks/run apply
 * rounds=9}), each with a default.
 */
final class Options {

	private final Map<String, String> values = new HashMap<>();

	Options(String[] args) {
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("Arguments are name=value (e.g. rounds=9), not '" + arg + "'");
			}
			this.values.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
	}

	int integer(String name, int defaultValue) {
		String value = this.values.get(name);
		try {
			return (value != null) ? Integer.parseInt(value) : defaultValue;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", ex);
		}
	}

	String text(String name, String defaultValue) {
		return this.values.getOrDefault(name, defaultValue);
	}

	/** Where the benchmark writes its scripts: {@code work=...}, by default {@code target/bench}. */
	Path workDirectory(String benchmark) {
		return Path.of(text("work", "target/bench")).toAbsolutePath().resolve(benchmark);
	}

}
