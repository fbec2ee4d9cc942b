package dev.stepwise.migration.cli;

/**
 * The engine logs through SLF4J; inside the command line its lines go to standard error,
 * warnings only unless {@code --verbose}, so that standard output stays the result.
 */
final class Logging {

	private Logging() {
	}

	/** Must run before the engine's first logger exists: SLF4J's simple logger reads these once. */
	static void configure(boolean verbose) {
		System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
		System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
		System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
		System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
	}

}
