package dev.stepwise.migration.internal.execute;

/** What the history says about a failed migration after the engine tried to record it. */
enum Recorded {

	/** Nothing to record: nothing of the migration took effect, and no row is left. */
	NOTHING_NEEDED,

	/** A FAILED row records it (written before its first statement, or after the failure). */
	FAILED_ROW,

	/** It took effect in part, but no row could be written: the history does not show it. */
	NOT_RECORDED,

	/** Nothing of it took effect as far as known, yet its FAILED row could not be removed. */
	STALE_MARKER

}
