package dev.stepwise.migration.internal.execute;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.internal.resolve.Placeholders;

/**
 * Replaces the placeholders of a script: the configured ones, and Flyway's built-ins under
 * both {@code flyway:} and {@code stepwise:} ({@code defaultSchema}, {@code user},
 * {@code database}, {@code timestamp}, {@code filename}, {@code table}), so that scripts
 * written for Flyway run unchanged.
 */
public final class ScriptPlaceholders {

	private final ExecutionSettings configuration;

	private final Map<String, String> builtIns;

	/**
	 * Creates the placeholders of one engine call.
	 * @param configuration the configured placeholders, prefix and suffix
	 * @param defaultSchema the schema of the history table
	 * @param database the database's name
	 * @param user the user the connection logged in as
	 */
	public ScriptPlaceholders(ExecutionSettings configuration, String defaultSchema, String database,
			String user) {
		this.configuration = configuration;
		this.builtIns = Map.of("defaultSchema", defaultSchema, "database", database, "user", user, "table",
				configuration.table());
	}

	/** The script's text with its placeholders replaced, or as it is when replacement is off. */
	public String apply(ScriptResource script, String text) {
		if (!this.configuration.placeholderReplacement()) {
			return text;
		}
		Map<String, String> values = new LinkedHashMap<>(this.configuration.placeholders());
		Map<String, String> builtIns = new LinkedHashMap<>(this.builtIns);
		builtIns.put("filename", script.path().substring(script.path().lastIndexOf('/') + 1));
		builtIns.put("timestamp", LocalDateTime.now().format(Timestamp.FORMAT));
		builtIns.forEach((name, value) -> {
			values.put("flyway:" + name, value);
			values.put("stepwise:" + name, value);
		});
		return Placeholders.replace(script.path(), text, values, this.configuration.placeholderPrefix(),
				this.configuration.placeholderSuffix());
	}

	// Built on first use: a start-up with nothing to apply makes placeholders (its callbacks
	// have them) but never replaces one, and building a formatter loads a few dozen classes.
	private static final class Timestamp {

		static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	}

}
