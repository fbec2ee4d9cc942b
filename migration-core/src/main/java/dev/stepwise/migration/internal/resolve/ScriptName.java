package dev.stepwise.migration.internal.resolve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stepwise.migration.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * What a script's file name says: {@code V<version>__<description>.sql} (up),
 * {@code U<version>__<description>.sql} (down) or {@code R__<description>.sql} (repeatable).
 *
 * @param kind up, down or repeatable
 * @param version the version; {@code null} for a repeatable script
 * @param description the description, underscores shown as spaces
 */
record ScriptName(Kind kind, @Nullable MigrationVersion version, String description) {

	static final String SUFFIX = ".sql";

	private static final String SEPARATOR = "__";

	/** What a script does, from the first letter of its name. */
	enum Kind {

		UP, DOWN, REPEATABLE

	}

	/** Whether a file is a script at all; other files in a location are ignored. */
	static boolean isScript(String fileName) {
		return fileName.regionMatches(true, fileName.length() - SUFFIX.length(), SUFFIX, 0, SUFFIX.length());
	}

	/**
	 * Reads a script's file name. The version ends at the first double underscore.
	 * @param fileName the file name, without directories
	 * @return what the name says, or {@code null} if it is not a migration name
	 */
	static @Nullable ScriptName parse(String fileName) {
		String name = baseName(fileName);
		int separator = name.indexOf(SEPARATOR, 1);
		if (name.isEmpty() || separator < 0) {
			return null;
		}
		Kind kind = kind(name.charAt(0));
		String version = name.substring(1, separator);
		String description = name.substring(separator + SEPARATOR.length()).replace('_', ' ');
		if (kind == null || description.isBlank()) {
			return null;
		}
		if (kind == Kind.REPEATABLE) {
			return version.isEmpty() ? new ScriptName(kind, null, description) : null;
		}
		return isVersion(version) ? new ScriptName(kind, MigrationVersion.parse(version), description) : null;
	}

	/**
	 * Whether the text is digits in groups separated by single dots or underscores. A loop
	 * rather than a regular expression: every start-up checks every script's name.
	 */
	private static boolean isVersion(String text) {
		boolean digitBefore = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digitBefore = true;
			}
			else if ((c == '.' || c == '_') && digitBefore) {
				digitBefore = false;
			}
			else {
				return false;
			}
		}
		return digitBefore;
	}

	/**
	 * A correct name to suggest for a file whose name {@link #parse} rejected.
	 * @param fileName the rejected file name
	 * @return the name with the usual slip fixed, or a generic example
	 */
	static String suggestionFor(String fileName) {
		// The usual slip: one underscore where two belong (V1_create_users.sql). Compiled here,
		// on the way to an error, not when the class loads at every start-up.
		Matcher matcher = Pattern.compile("(R|[VU]\\d+(?:[._]\\d+)*)_([^_].*)").matcher(baseName(fileName));
		if (matcher.matches()) {
			return matcher.group(1) + SEPARATOR + matcher.group(2) + SUFFIX;
		}
		return "V1__create_users.sql";
	}

	private static String baseName(String fileName) {
		return isScript(fileName) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
	}

	private static @Nullable Kind kind(char prefix) {
		return switch (prefix) {
			case 'V' -> Kind.UP;
			case 'U' -> Kind.DOWN;
			case 'R' -> Kind.REPEATABLE;
			default -> null;
		};
	}

}
