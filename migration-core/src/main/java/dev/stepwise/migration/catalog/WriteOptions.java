package dev.stepwise.migration.catalog;

/**
 * What the script writer may do beyond the safe default.
 * @param allowDrop whether tables, columns and sequences that the target lacks are dropped
 * (otherwise they stay, and a note says so); a column whose rename is expanded is then
 * contracted instead
 * @param expand whether a rename is written as an expand (new column, sync triggers,
 * backfill: the running release keeps working) in a Java {@code SchemaMigration}, with the
 * contract left for a later release, instead of {@code RENAME COLUMN}
 */
public record WriteOptions(boolean allowDrop, boolean expand) {

	/** Drops as asked, renames in place. */
	public WriteOptions(boolean allowDrop) {
		this(allowDrop, false);
	}

	/** Nothing is dropped that holds data. */
	public static WriteOptions safe() {
		return new WriteOptions(false, false);
	}

}
