package dev.stepwise.migration.boot.actuate;

/**
 * Quotes a caller's input for a message, cut to a length that a log line and an error
 * response can carry, so that a 10 MB value is never echoed back whole.
 */
final class InputEcho {

	static final int MAX_LENGTH = 64;

	private InputEcho() {
	}

	static String quoted(Object input) {
		String text = String.valueOf(input);
		if (text.length() <= MAX_LENGTH) {
			return "\"" + text + "\"";
		}
		return "\"" + text.substring(0, MAX_LENGTH) + "...\" (" + text.length() + " characters)";
	}

	static String cut(String text, int maxLength) {
		return (text.length() <= maxLength) ? text : text.substring(0, maxLength) + "...";
	}

}
