package dev.stepwise.migration.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a repair changed in the history table or, for a dry run, would change; and what it
 * could not decide alone.
 *
 * @param dryRun whether this was a dry run (nothing changed)
 * @param actions each change to the history, in the order made
 * @param unresolved each migration whose rollback failed and that no request marked, with
 * how to mark it
 */
public record RepairResult(boolean dryRun, List<Action> actions, List<String> unresolved) {

	public RepairResult {
		actions = List.copyOf(actions);
		unresolved = List.copyOf(unresolved);
	}

	/** The kinds of change a repair makes to the history. */
	public enum Kind {

		/** Removes the record of a failed migration, so that migrate applies it again. */
		REMOVE_FAILED,

		/** Records the current checksum of an applied script that was edited. */
		ACCEPT_CHECKSUM,

		/** Records a migration whose rollback failed as rolled back. */
		MARK_ROLLED_BACK,

		/** Records a migration whose rollback failed as applied. */
		MARK_APPLIED

	}

	/**
	 * One change to the history.
	 *
	 * @param kind what changes
	 * @param version the migration's version, or {@code null} for a repeatable migration
	 * @param script the migration's script or class
	 * @param detail what the change means, in a sentence
	 */
	public record Action(Kind kind, @Nullable MigrationVersion version, String script, String detail) {

	}

}
