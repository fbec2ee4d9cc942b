package dev.stepwise.migration.internal.resolve;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stepwise.migration.api.StepwiseException;

/**
 * Replaces {@code ${name}} placeholders in a script with configured values.
 */
public final class Placeholders {

	private static final String NAME = "([A-Za-z0-9_.:-]+)";

	private static final Pattern PLACEHOLDER = pattern("${", "}");

	private Placeholders() {
	}

	/**
	 * Replaces every {@code ${name}} in the text with its value. Values are inserted as
	 * they are: a value that contains {@code ${...}} is not replaced again.
	 * @param scriptName the script, for the error message
	 * @param text the script's text
	 * @param values the value of each placeholder, by name
	 * @return the text with placeholders replaced; the same instance when it has none
	 * @throws StepwiseException naming the script, line and placeholder when a placeholder
	 * has no value
	 */
	public static String replace(String scriptName, String text, Map<String, String> values) {
		return replace(scriptName, text, values, "${", "}", PLACEHOLDER);
	}

	/**
	 * Replaces every {@code <prefix>name<suffix>} in the text with its value, as
	 * {@link #replace(String, String, Map)} does for {@code ${name}}.
	 * @param prefix what opens a placeholder, such as {@code ${}
	 * @param suffix what closes it, such as <code>}</code>
	 */
	public static String replace(String scriptName, String text, Map<String, String> values, String prefix,
			String suffix) {
		return replace(scriptName, text, values, prefix, suffix, pattern(prefix, suffix));
	}

	private static Pattern pattern(String prefix, String suffix) {
		return Pattern.compile(Pattern.quote(prefix) + NAME + Pattern.quote(suffix));
	}

	private static String replace(String scriptName, String text, Map<String, String> values, String prefix,
			String suffix, Pattern placeholder) {
		if (!text.contains(prefix)) {
			return text;
		}
		Matcher matcher = placeholder.matcher(text);
		StringBuilder result = null;
		int copied = 0;
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = values.get(name);
			if (value == null) {
				throw new StepwiseException(scriptName + " line " + lineNumber(text, matcher.start())
						+ ": unknown placeholder " + prefix + name + suffix + ". Give it a value with placeholder(\"" + name
						+ "\", value) (Spring Boot: stepwise.placeholders." + name
						+ "), or turn placeholder replacement off.");
			}
			if (result == null) {
				result = new StringBuilder(text.length() + 64);
			}
			result.append(text, copied, matcher.start()).append(value);
			copied = matcher.end();
		}
		if (result == null) {
			return text;
		}
		return result.append(text, copied, text.length()).toString();
	}

	private static int lineNumber(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
				line++;
			}
		}
		return line;
	}

}
