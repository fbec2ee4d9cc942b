package dev.stepwise.migration.cli;

/**
 * The engine and the drivers log through SLF4J; inside the command line their lines go to
 * standard error: the engine's warnings, and nothing of the drivers (whose warnings repeat
 * the error the command prints), unless {@code --verbose}. Standard output stays the result.
 */
final class Logging {

	private Logging() {
	}

	/** Must run before the engine's first logger exists: SLF4J's simple logger reads these once. */
	static void configure(boolean verbose) {
		System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "warn" : "off");
		System.setProperty("org.slf4j.simpleLogger.log.dev.stepwise", verbose ? "info" : "warn");
		System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
		System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
		System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
	}

}
