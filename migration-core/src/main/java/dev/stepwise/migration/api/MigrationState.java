package dev.stepwise.migration.api;

/** Where a migration stands, from its source and the history table taken together. */
public enum MigrationState {

	/** Known from the sources, not applied yet: the next {@code migrate()} applies it. */
	PENDING,

	/**
	 * Not applied, and above the configured {@code target}: this engine does not apply it,
	 * so it is not pending (Flyway's "Above Target").
	 */
	ABOVE_TARGET,

	/** Applied successfully. */
	APPLIED,

	/** The baseline marker of an adopted schema. */
	BASELINE,

	/** Below the baseline: never applied, and never will be. */
	BELOW_BASELINE,

	/**
	 * Not applied, and older than the current version: applied only with
	 * {@code outOfOrder(true)}.
	 */
	IGNORED,

	/** Failed on a database whose DDL commits by itself; needs {@code repair()}. */
	FAILED,

	/**
	 * Its rollback failed after some of its undo had taken effect (where DDL commits by
	 * itself): neither applied nor rolled back. Blocks migrate and rollback until a person
	 * has put the schema right and {@code repair()} marks it rolled back or applied.
	 */
	ROLLBACK_FAILED,

	/**
	 * Rolled back. A later {@code migrate()} leaves it alone unless asked to re-apply rolled
	 * back migrations or its script changed since the rollback.
	 */
	ROLLED_BACK,

	/** Applied, but its source is gone. */
	MISSING,

	/** Applied, and newer than any migration the sources know: a newer release ran here. */
	FUTURE,

	/** A repeatable migration whose script changed since it last ran: re-applied next. */
	OUTDATED;

}
