package dev.stepwise.migration.execute;

import java.sql.SQLException;

import dev.stepwise.migration.MigrationEvent;
import dev.stepwise.migration.MigrationType;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * The message of a failed migration or rollback: what failed (script, line, statement,
 * the database's words), what state that left, and what to do next.
 */
final class FailureMessage {

	private static final int STATEMENT_EXCERPT = 300;

	private FailureMessage() {
	}

	static String of(MigrationEvent event, Progress progress, Exception failure, @Nullable SQLException lockTimeout,
			boolean partial, boolean rollback, StepwiseConfiguration configuration, Dialect dialect,
			String historyTable, @Nullable String blockers, @Nullable String rollbackNotRecorded) {
		StringBuilder message = new StringBuilder();
		message.append(rollback ? "Rollback " : "Migration ").append(event.script());
		if (event.version() != null) {
			message.append(" (version ").append(event.version()).append(')');
		}
		message.append(" failed");
		if (progress.line() > 0) {
			message.append(" at line ").append(progress.line());
		}
		else if (event.type() == MigrationType.JAVA) {
			message.append(" in ").append(rollback ? "down()" : "up()");
		}
		message.append(": ");
		if (lockTimeout != null) {
			message.append("could not get a lock within ").append(configuration.ddlLockTimeout().toMillis())
				.append(" ms, ").append(configuration.ddlRetries() + 1).append(" times")
				.append(" (ddlLockTimeout, ddlRetries): ").append(lockTimeout.getMessage().strip());
			message.append(". Blocked by ").append((blockers != null) ? blockers : "a session that has since finished");
			message.append(". The migration gave up rather than queue every query on the table behind that"
					+ " transaction. End that transaction or run again later; to wait longer, raise ddlLockTimeout or"
					+ " ddlRetries (Spring Boot: stepwise.ddl-lock-timeout, stepwise.ddl-retries).");
		}
		else {
			message.append(describe(failure)).append('.');
		}
		if (progress.statement() != null) {
			message.append(" Statement: ").append(excerpt(progress.statement())).append('.');
		}
		int done = (progress.statementsCommitted() > 0) ? progress.statementsCommitted() : progress.statementsDone();
		if (partial && rollback) {
			message.append(' ').append(halfUndone(event, dialect, historyTable, done, rollbackNotRecorded));
		}
		else {
			message.append(' ').append(consequence(partial, rollback, dialect, historyTable, done));
		}
		return message.toString();
	}

	/**
	 * What a rollback that failed halfway left: the migration is neither applied nor rolled
	 * back, and only a person can tell which way to settle it.
	 */
	private static String halfUndone(MigrationEvent event, Dialect dialect, String historyTable, int done,
			@Nullable String notRecorded) {
		String version = String.valueOf(event.version());
		String why = dialect.ddlAutoCommits() ? dialect.type() + " commits DDL by itself"
				: "it runs without a transaction";
		String effect = "The " + done + " statement(s) before it had taken effect and stay (" + why + ")";
		if (notRecorded != null) {
			return effect + ". Recording that failed too (" + notRecorded + "), so " + historyTable
					+ " still reads APPLIED for version " + version + " although part of it is undone. Before"
					+ " anything else runs, finish the undo by hand or restore what it undid, and check the history.";
		}
		return effect + ", so version " + version + " is recorded as ROLLBACK_FAILED in " + historyTable
				+ ": neither applied nor rolled back, and migrate and rollback refuse until it is settled. Finish the"
				+ " undo by hand and call repair(RepairRequest.defaults().markRolledBack(\"" + version + "\")), or"
				+ " restore what it undid and call repair(RepairRequest.defaults().markApplied(\"" + version + "\"))"
				+ " (Actuator: POST /actuator/migrations/repair with {\"markRolledBack\": \"" + version
				+ "\"} or {\"markApplied\": \"" + version + "\"}).";
	}

	private static String consequence(boolean partial, boolean rollback, Dialect dialect, String historyTable,
			int done) {
		if (!partial) {
			return rollback ? "Nothing was undone: its transaction was rolled back and the migration stays applied."
					+ " Fix the undo and roll back again."
					: "Nothing of it was applied: its transaction was rolled back and no history row was written."
							+ " Fix it and migrate again.";
		}
		String why = dialect.ddlAutoCommits() ? dialect.type() + " commits DDL by itself"
				: "it runs without a transaction";
		return "The " + done + " statement(s) before it had taken effect and stay (" + why
				+ "), so the migration is recorded as FAILED in " + historyTable
				+ ". Undo or finish those statements by hand, then call repair() to clear the FAILED record, and"
				+ " migrate again.";
	}

	private static String describe(Throwable failure) {
		if (failure instanceof SQLException sql) {
			return sql.getMessage().strip() + " [SQL state " + sql.getSQLState() + ", error " + sql.getErrorCode() + "]";
		}
		return failure.getClass().getSimpleName() + ": " + failure.getMessage();
	}

	private static String excerpt(String statement) {
		String flat = statement.replaceAll("\\s+", " ").strip();
		return (flat.length() <= STATEMENT_EXCERPT) ? flat : flat.substring(0, STATEMENT_EXCERPT) + "...";
	}

}
