package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.api.LockTimeoutException;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.RollbackRefusedException;
import dev.stepwise.migration.api.StepwiseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up that failed on a migration into a report: what failed, which
 * migration, and what to do.
 */
class StepwiseFailureAnalyzer extends AbstractFailureAnalyzer<StepwiseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StepwiseException cause) {
		return new FailureAnalysis(description(cause), action(cause), cause);
	}

	private String description(StepwiseException cause) {
		if (cause instanceof MigrationFailedException failed) {
			String version = (failed.version() != null) ? "version " + failed.version() : "repeatable migration";
			return "Stepwise could not apply " + version + " (" + failed.script() + "): " + cause.getMessage()
					+ rootCause(cause);
		}
		return "Stepwise could not migrate the database: " + cause.getMessage();
	}

	private String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root != failure) ? "\n\nCaused by: " + root : "";
	}

	private String action(StepwiseException cause) {
		if (cause instanceof MigrationValidationException) {
			return "Fix each problem listed above as it says. If the history is right and the sources changed on purpose,"
					+ " call Stepwise.repair(); to start without validating, set stepwise.validate-on-migrate=false.";
		}
		if (cause instanceof LockTimeoutException) {
			return "Another instance is migrating this database and held the lock for longer than"
					+ " stepwise.lock-wait-timeout. Let it finish and start again, or raise stepwise.lock-wait-timeout.";
		}
		if (cause instanceof MigrationFailedException failed) {
			return "Fix " + failed.script() + " and start again. The description says whether it left anything behind:"
					+ " if it was recorded as FAILED (MySQL, MariaDB and H2 commit DDL by themselves), first undo what it"
					+ " changed by hand and call Stepwise.repair() to clear that record.";
		}
		if (cause instanceof RollbackRefusedException) {
			return "Nothing was changed. Choose a rollback target that every migration above it can undo.";
		}
		return "Fix the cause above. To start the application without migrating, set stepwise.enabled=false.";
	}

}
