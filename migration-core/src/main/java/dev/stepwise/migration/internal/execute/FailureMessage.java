package dev.stepwise.migration.internal.execute;

import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * The message of a failed migration or rollback: what failed (script, line, statement,
 * the database's words), what is known to have taken effect and what may have, what the
 * history records, and the next step for that cause: a faulty script is fixed, but a lock
 * timeout, a lost connection or a lost run lock say so and name their own step.
 */
final class FailureMessage {

	private static final int STATEMENT_EXCERPT = 300;

	private final ExecutionSettings configuration;

	private final Dialect dialect;

	private final String historyTable;

	FailureMessage(ExecutionSettings configuration, Dialect dialect, String historyTable) {
		this.configuration = configuration;
		this.dialect = dialect;
		this.historyTable = historyTable;
	}

	/**
	 * What became of a failed migration.
	 *
	 * @param cause why it stopped
	 * @param tookEffect how many of its statements took effect and stay
	 * @param runningMayHave whether the statement running when the connection died may
	 * have taken effect too (it commits by itself)
	 * @param recorded what the history says about it
	 * @param transactional whether it ran in a transaction
	 * @param lockLost why the run lock was lost, for {@link Cause#LOCK_LOST}
	 * @param blockers the sessions that blocked it, for {@link Cause#LOCK_TIMEOUT}
	 * @param completedBefore the scripts this run finished before it
	 */
	record Outcome(Cause cause, int tookEffect, boolean runningMayHave, Recorded recorded, boolean transactional,
			@Nullable String lockLost, @Nullable String blockers, List<String> completedBefore) {
	}

	String of(MigrationEvent event, Progress progress, Exception failure, @Nullable SQLException lockTimeout,
			boolean rollback, Outcome outcome) {
		StringBuilder message = new StringBuilder();
		message.append(rollback ? "Rollback " : "Migration ").append(event.script());
		if (event.version() != null) {
			message.append(" (version ").append(event.version()).append(')');
		}
		message.append(" failed");
		if (outcome.cause() != Cause.LOCK_LOST || progress.statement() != null) {
			if (progress.line() > 0) {
				message.append(" at line ").append(progress.line());
			}
			else if (event.type() == MigrationType.JAVA) {
				message.append(" in ").append(rollback ? "down()" : "up()");
			}
		}
		message.append(": ");
		switch (outcome.cause()) {
			case LOCK_TIMEOUT -> message.append("could not get a lock within ")
				.append(this.configuration.ddlLockTimeout().toMillis())
				.append(" ms, ")
				.append(this.configuration.ddlRetries() + 1)
				.append(" times (ddlLockTimeout, ddlRetries): ")
				.append((lockTimeout != null) ? lockTimeout.getMessage().strip() : describe(failure))
				.append(". Blocked by ")
				.append((outcome.blockers() != null) ? outcome.blockers() : "a session that has since finished")
				.append(". The migration gave up rather than queue every query on the table behind that"
						+ " transaction. End that transaction or run again later; to wait longer, raise ddlLockTimeout"
						+ " or ddlRetries (Spring Boot: stepwise.ddl-lock-timeout, stepwise.ddl-retries).");
			case CONNECTION_LOST -> message.append("the migration lost its connection to the database (")
				.append(describe(failure))
				.append("): its session was ended by the server, a proxy or pooler, a failover or an operator.");
			case LOCK_LOST -> message.append("the migration lock on ")
				.append(this.historyTable)
				.append(" was lost while it ran: ")
				.append(outcome.lockLost())
				.append(". Another instance may have taken the lock and be migrating now.");
			case ERROR -> message.append(describe(failure)).append('.');
		}
		if (progress.statement() != null) {
			message.append(" Statement: ").append(excerpt(progress.statement())).append('.');
		}
		message.append(' ').append(consequence(event, rollback, outcome, progress));
		if (!outcome.completedBefore().isEmpty()) {
			message.append(' ')
				.append(rollback ? "Rolled back" : "Applied")
				.append(" in this run before it, and recorded: ")
				.append(String.join(", ", outcome.completedBefore()))
				.append('.');
		}
		return message.toString();
	}

	private String consequence(MigrationEvent event, boolean rollback, Outcome outcome, Progress progress) {
		boolean partial = outcome.tookEffect() > 0 || outcome.runningMayHave();
		if (!partial) {
			String what = rollback ? "Nothing was undone: its transaction was rolled back and the migration stays"
					+ " applied." : nothingApplied(outcome);
			return what + " " + nextStepWhenNothingTookEffect(rollback, outcome.cause());
		}
		String why = this.dialect.ddlAutoCommits() ? this.dialect.type() + " commits DDL by itself"
				: "it runs without a transaction";
		StringBuilder text = new StringBuilder();
		text.append("The ").append(outcome.tookEffect()).append(" statement(s) before it had taken effect and stay (")
			.append(why)
			.append(')');
		if (outcome.runningMayHave()) {
			text.append("; the statement that was running when the connection died may have taken effect too,"
					+ " as it commits by itself");
		}
		if (rollback) {
			return text.append(halfUndone(event, outcome.recorded())).toString();
		}
		switch (outcome.recorded()) {
			case NOT_RECORDED -> text.append(". Nothing could be recorded in ")
				.append(this.historyTable)
				.append(" (the database could not be reached on a fresh connection either), so the history does not"
						+ " show this failure and a next run would apply the migration again. Before migrating again,"
						+ " check that the database is reachable, check which of its statements took effect, and undo"
						+ " them by hand.");
			default -> text.append(", so the migration is recorded as FAILED in ")
				.append(this.historyTable)
				.append(" and no run applies it again until repaired. ")
				.append(nextStepWhenPartial(outcome.cause(), progress));
		}
		return text.toString();
	}

	/**
	 * What a rollback that failed halfway left: the migration is neither applied nor rolled
	 * back, and only a person can tell which way to settle it.
	 */
	private String halfUndone(MigrationEvent event, Recorded recorded) {
		String version = String.valueOf(event.version());
		if (recorded == Recorded.NOT_RECORDED) {
			return ". Recording that failed too (the database could not be reached on a fresh connection either), so "
					+ this.historyTable + " still reads APPLIED for version " + version + " although part of it is"
					+ " undone. Before anything else runs, finish the undo by hand or restore what it undid, and check"
					+ " the history.";
		}
		return ", so version " + version + " is recorded as ROLLBACK_FAILED in " + this.historyTable
				+ ": neither applied nor rolled back, and migrate and rollback refuse until it is settled. Finish the"
				+ " undo by hand and call repair(RepairRequest.defaults().markRolledBack(\"" + version + "\")), or"
				+ " restore what it undid and call repair(RepairRequest.defaults().markApplied(\"" + version + "\"))"
				+ " (Actuator: POST /actuator/migrations/repair with {\"markRolledBack\": \"" + version
				+ "\"} or {\"markApplied\": \"" + version + "\"}).";
	}

	private String nothingApplied(Outcome outcome) {
		String how = outcome.transactional() ? "its transaction was rolled back" : "none of its statements had run";
		return switch (outcome.recorded()) {
			case STALE_MARKER -> "Nothing of it was applied (" + how + "), but its history row, written before its"
					+ " first statement, could not be removed: it is recorded as FAILED in " + this.historyTable
					+ ". Call repair() to remove that record.";
			default -> "Nothing of it was applied: " + how + " and no history row is left.";
		};
	}

	private static String nextStepWhenNothingTookEffect(boolean rollback, Cause cause) {
		String again = rollback ? "roll back again" : "migrate again";
		return switch (cause) {
			case ERROR -> "Fix it and " + again + ".";
			case LOCK_TIMEOUT -> "The script itself may be fine: " + again + " once the blocking transaction has ended.";
			case CONNECTION_LOST -> "The script itself may be fine: find out why the connection was lost, then "
					+ again + ".";
			case LOCK_LOST -> "Look at the history (info(), or GET /actuator/migrations) to see what another instance"
					+ " did, then " + again + "; find out what ended the lock's session (an idle timeout of a proxy or"
					+ " pooler, a failover, an operator) so that it does not happen again.";
		};
	}

	private static String nextStepWhenPartial(Cause cause, Progress progress) {
		String from = (progress.line() > 0) ? " (from line " + progress.line() + ")" : "";
		return switch (cause) {
			case ERROR -> "Undo or finish those statements by hand, then call repair() to clear the FAILED record,"
					+ " and migrate again.";
			case LOCK_TIMEOUT -> "The script itself may be fine: once the blocking transaction has ended, run the"
					+ " remaining statements" + from + " by hand or undo those that took effect, then call repair()"
					+ " to clear the FAILED record, and migrate again.";
			case CONNECTION_LOST -> "The script itself may be fine: check which of its statements took effect, finish"
					+ " or undo them by hand, then call repair() to clear the FAILED record, and migrate again.";
			case LOCK_LOST -> "Another instance may be migrating: once no run is active, check which of its"
					+ " statements took effect (and whether another instance ran it too), finish or undo them by hand,"
					+ " then call repair() to clear the FAILED record, and migrate again.";
		};
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
