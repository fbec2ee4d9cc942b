package dev.stepwise.migration.tool;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The engine's settings from every source, by the property name after {@code stepwise.}
 * in kebab case ({@code lock-wait-timeout}): a configuration file, then {@code STEPWISE_*}
 * environment variables, then flags, each overriding the one before.
 */
public final class Settings {

	/** The prefix of a placeholder's setting, such as {@code placeholders.owner}. */
	public static final String PLACEHOLDERS = "placeholders.";

	private static final String PREFIX = "stepwise.";

	private static final String ENVIRONMENT_PREFIX = "STEPWISE_";

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

	private final Map<String, String> values;

	private Settings(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Merges the sources.
	 * @param file a configuration file's flat keys ({@code stepwise.*} and
	 * {@code spring.datasource.*} are used), empty without one
	 * @param environment the process environment
	 * @param flags the settings given as flags, by canonical name
	 * @param wording how the tool reports a reference it cannot resolve
	 * @return the settings
	 */
	public static Settings of(Map<String, String> file, Map<String, String> environment, Map<String, String> flags,
			ToolWording wording) {
		Map<String, String> values = new LinkedHashMap<>();
		// Spring Boot's DataSource settings serve when Stepwise has no database of its own.
		putIfPresent(values, "url", file.get("spring.datasource.url"));
		putIfPresent(values, "user", file.get("spring.datasource.username"));
		putIfPresent(values, "password", file.get("spring.datasource.password"));
		file.forEach((key, value) -> {
			if (key.startsWith(PREFIX)) {
				values.put(canonical(key.substring(PREFIX.length())), value);
			}
		});
		values.replaceAll((key, value) -> resolveReferences(value, file, environment, wording));
		environment.forEach((key, value) -> {
			if (key.startsWith(ENVIRONMENT_PREFIX) && !key.equals("STEPWISE_PASSWORD_FILE")) {
				values.put(fromEnvironment(key.substring(ENVIRONMENT_PREFIX.length())), value);
			}
		});
		values.putAll(flags);
		return new Settings(values);
	}

	/** The value of a setting by canonical name, {@code null} when absent or blank. */
	public @Nullable String get(String key) {
		String value = this.values.get(key);
		return (value != null && !value.isBlank()) ? value : null;
	}

	/** The settings under a prefix, such as the placeholders, by the rest of their name. */
	public Map<String, String> under(String prefix) {
		Map<String, String> found = new LinkedHashMap<>();
		this.values.forEach((key, value) -> {
			if (key.startsWith(prefix)) {
				found.put(key.substring(prefix.length()), value);
			}
		});
		return found;
	}

	/** {@code lockWaitTimeout}, {@code lock_wait_timeout}, {@code lock-wait-timeout}: one name. */
	public static String canonical(String key) {
		if (key.startsWith(PLACEHOLDERS)) {
			// Placeholder names are matched as written in the scripts.
			return PLACEHOLDERS + key.substring(PLACEHOLDERS.length());
		}
		return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
	}

	private static String fromEnvironment(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.startsWith("placeholders_")) {
			return PLACEHOLDERS + lower.substring("placeholders_".length());
		}
		return lower.replace('_', '-');
	}

	/** Spring's {@code ${NAME}} and {@code ${NAME:default}}, from the environment or the file. */
	private static String resolveReferences(String value, Map<String, String> file, Map<String, String> environment,
			ToolWording wording) {
		Matcher matcher = REFERENCE.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String found = environment.containsKey(name) ? environment.get(name) : file.get(name);
			if (found == null) {
				found = matcher.group(2);
			}
			if (found == null) {
				throw wording.usage("The configuration refers to ${" + name + "}, which is neither an"
						+ " environment variable nor a key of the file. Set it, or give a default: ${" + name
						+ ":value}.");
			}
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(found));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

	private static void putIfPresent(Map<String, String> values, String key, @Nullable String value) {
		if (value != null) {
			values.put(key, value);
		}
	}

}
