package dev.stepwise.migration.catalog;

/**
 * What the script writer may do beyond the safe default.
 * @param allowDrop whether tables, columns and sequences that the target lacks are dropped
 * (otherwise they stay, and a note says so); a column whose change is expanded is then
 * contracted instead
 * @param expand whether a change that breaks the running release (a rename, a type change,
 * a new NOT NULL, each to a column of a new name given by {@code --rename}) is written as an
 * expand (new column, sync triggers, backfill: the running release keeps working) in a Java
 * {@code SchemaMigration}, with the contract left for a later release
 * @param inPlace whether a type change or a new NOT NULL on an existing column is altered in
 * place anyway (for a database that no running release uses); without it or {@code expand}
 * such a change is refused
 */
public record WriteOptions(boolean allowDrop, boolean expand, boolean inPlace) {

	/** Drops as asked, renames in place, refuses a change that breaks the running release. */
	public WriteOptions(boolean allowDrop) {
		this(allowDrop, false, false);
	}

	/** Drops and expands as asked, refuses a breaking change that cannot be expanded. */
	public WriteOptions(boolean allowDrop, boolean expand) {
		this(allowDrop, expand, false);
	}

	/** Nothing is dropped that holds data, and nothing is altered that breaks the running release. */
	public static WriteOptions safe() {
		return new WriteOptions(false, false, false);
	}

}
