package dev.stepwise.migration.cli;

import org.jspecify.annotations.Nullable;

/**
 * A problem the command line finds itself (a missing setting, an unreadable file), with
 * the exit code it means.
 */
final class CliException extends RuntimeException {

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
