package dev.stepwise.migration.cli;

import dev.stepwise.migration.tool.ToolWording;
import org.jspecify.annotations.Nullable;

/**
 * A problem the command line finds itself (a missing setting, an unreadable file), with
 * the exit code it means.
 */
final class CliException extends RuntimeException {

	/** How the shared configuration, class path and driver code words the command line's usage problems. */
	static final ToolWording WORDING = new ToolWording("the command line", "Check --config.",
			"Inside are PostgreSQL (jdbc:postgresql:), MariaDB and MySQL (jdbc:mariadb:) and H2 (jdbc:h2:);"
					+ " put any other driver's jar on --driver-path.",
			"Build the project first, or correct --class-path / --driver-path.",
			"Put the classes it needs on --class-path.",
			(message, cause) -> new CliException(ExitCode.USAGE, message, cause));

	private final ExitCode exitCode;

	CliException(ExitCode exitCode, String message) {
		this(exitCode, message, null);
	}

	CliException(ExitCode exitCode, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	static CliException usage(String message) {
		return new CliException(ExitCode.USAGE, message);
	}

	ExitCode exitCode() {
		return this.exitCode;
	}

}
