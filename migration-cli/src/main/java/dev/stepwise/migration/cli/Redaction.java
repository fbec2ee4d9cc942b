package dev.stepwise.migration.cli;

import dev.stepwise.migration.tool.DriverDataSource;

/**
 * Keeps passwords out of everything the command prints: URLs may carry one as a parameter.
 */
final class Redaction {

	private Redaction() {
	}

	static String url(String url) {
		return DriverDataSource.redacted(url);
	}

	/** A message with every URL password, and the configured password itself, replaced. */
	static String message(String message, String... secrets) {
		String redacted = url(message);
		for (String secret : secrets) {
			if (secret != null && secret.length() >= 3) {
				redacted = redacted.replace(secret, "***");
			}
		}
		return redacted;
	}

}
