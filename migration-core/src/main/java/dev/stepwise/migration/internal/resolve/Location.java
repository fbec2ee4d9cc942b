package dev.stepwise.migration.internal.resolve;

import dev.stepwise.migration.api.StepwiseException;

/**
 * A configured place to look for scripts: {@code classpath:path} (the default when no
 * prefix is given) or {@code filesystem:path}.
 *
 * @param text the location as configured, with {@code {vendor}} resolved
 * @param classpath whether the path is on the class path rather than on the file system
 * @param path the path without its prefix; on the class path without leading or trailing
 * {@code /}
 */
record Location(String text, boolean classpath, String path) {

	static final String VENDOR = "{vendor}";

	private static final String CLASSPATH_PREFIX = "classpath:";

	private static final String FILESYSTEM_PREFIX = "filesystem:";

	static Location parse(String text) {
		if (text.startsWith(FILESYSTEM_PREFIX)) {
			return new Location(text, false, text.substring(FILESYSTEM_PREFIX.length()));
		}
		String path = text.startsWith(CLASSPATH_PREFIX) ? text.substring(CLASSPATH_PREFIX.length()) : text;
		if (path.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
			String unprefixed = path.substring(path.indexOf(':') + 1);
			throw new StepwiseException("Location '" + text + "' has an unsupported prefix: use classpath:" + unprefixed
					+ " or filesystem:" + unprefixed);
		}
		return new Location(text, true, trimSlashes(path));
	}

	/** Whether this is the same place as another location, however each is spelled. */
	boolean samePlaceAs(Location other) {
		return this.classpath == other.classpath && this.path.equals(other.path);
	}

	/** The name of a script in this location in messages, such as {@code db/migration/V1__init.sql}. */
	String nameOf(String scriptPath) {
		String directory = trimTrailingSlash(this.path);
		if (directory.isEmpty()) {
			return scriptPath;
		}
		return directory.endsWith("/") ? directory + scriptPath : directory + "/" + scriptPath;
	}

	private static String trimSlashes(String path) {
		int start = 0;
		while (start < path.length() && path.charAt(start) == '/') {
			start++;
		}
		return trimTrailingSlash(path.substring(start));
	}

	private static String trimTrailingSlash(String path) {
		int end = path.length();
		while (end > 1 && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(0, end);
	}

}
