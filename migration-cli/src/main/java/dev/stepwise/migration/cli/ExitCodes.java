package dev.stepwise.migration.cli;

import java.sql.SQLException;

import dev.stepwise.migration.api.LockLostException;
import dev.stepwise.migration.api.LockTimeoutException;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.RollbackRefusedException;

/**
 * The one place that maps a failure to its exit code: a new engine exception slots in
 * here, and every command and the Maven plugin's documentation follow.
 */
final class ExitCodes {

	private ExitCodes() {
	}

	static ExitCode of(Throwable failure) {
		if (failure instanceof CliException cli) {
			return cli.exitCode();
		}
		if (failure instanceof MigrationValidationException) {
			return ExitCode.INVALID;
		}
		if (failure instanceof LockTimeoutException) {
			return ExitCode.LOCKED;
		}
		if (failure instanceof RollbackRefusedException) {
			return ExitCode.REFUSED;
		}
		if (failure instanceof LockLostException) {
			// Not "lock not obtained": the run had started, and the message says what took effect.
			return ExitCode.FAILED;
		}
		if (failure instanceof MigrationFailedException) {
			return ExitCode.FAILED;
		}
		if (failure instanceof IllegalArgumentException) {
			// The engine's builders and value types check their arguments: a bad option value.
			return ExitCode.USAGE;
		}
		if (isConnectionFailure(failure)) {
			return ExitCode.UNREACHABLE;
		}
		return ExitCode.FAILED;
	}

	/** SQL state class 08 (connection exception) or 28 (invalid authorization). */
	private static boolean isConnectionFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28"))) {
				return true;
			}
			if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
				return true;
			}
		}
		return false;
	}

}
