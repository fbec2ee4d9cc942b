package dev.stepwise.migration.catalog;

import java.util.List;

/**
 * The SQL that turns one catalogue into another, and its undo, in two parts: statements that
 * run in the migration's transaction, and (on PostgreSQL) statements that must run without
 * one ({@code CREATE INDEX CONCURRENTLY}, the validation of a constraint added
 * {@code NOT VALID}), which belong in a migration of their own after the first.
 * @param up the statements of the migration, in order, without a trailing semicolon
 * @param down the statements that undo {@code up}
 * @param upWithoutTransaction the statements of the second migration, run without a transaction
 * @param downWithoutTransaction the statements that undo {@code upWithoutTransaction}
 * @param notes what was left out and why (a drop not allowed, a change written by hand)
 */
public record GeneratedMigration(List<String> up, List<String> down, List<String> upWithoutTransaction,
		List<String> downWithoutTransaction, List<String> notes) {

	/** The directive that makes the engine run a script without a transaction. */
	public static final String NO_TRANSACTION = "-- stepwise:no-transaction";

	public GeneratedMigration {
		up = List.copyOf(up);
		down = List.copyOf(down);
		upWithoutTransaction = List.copyOf(upWithoutTransaction);
		downWithoutTransaction = List.copyOf(downWithoutTransaction);
		notes = List.copyOf(notes);
	}

	/** Whether there is nothing to run. */
	public boolean isEmpty() {
		return this.up.isEmpty() && this.upWithoutTransaction.isEmpty();
	}

	/** Whether a second migration, without a transaction, is needed. */
	public boolean hasPartWithoutTransaction() {
		return !this.upWithoutTransaction.isEmpty();
	}

	/**
	 * A script: a header of comment lines, then each statement ending with a semicolon.
	 * @param header lines to put first, each written as a comment
	 * @param statements the statements
	 * @param withoutTransaction whether to start with the no-transaction directive
	 * @return the script's text
	 */
	public static String script(List<String> header, List<String> statements, boolean withoutTransaction) {
		StringBuilder script = new StringBuilder();
		if (withoutTransaction) {
			script.append(NO_TRANSACTION).append('\n');
		}
		header.forEach((line) -> script.append("-- ").append(line).append('\n'));
		for (String statement : statements) {
			script.append('\n').append(statement).append(statement.startsWith("--") ? "" : ";").append('\n');
		}
		return script.toString();
	}

}
