package dev.stepwise.migration.catalog;

/**
 * What the script writer may do beyond the safe default.
 * @param allowDrop whether tables, columns and sequences that the target lacks are dropped
 * (otherwise they stay, and a note says so)
 */
public record WriteOptions(boolean allowDrop) {

	/** Nothing is dropped that holds data. */
	public static WriteOptions safe() {
		return new WriteOptions(false);
	}

}
