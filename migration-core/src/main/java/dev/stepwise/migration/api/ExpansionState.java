package dev.stepwise.migration.api;

/**
 * Where a column change stands.
 */
public enum ExpansionState {

	/** Both columns exist and the sync triggers keep them equal; old and new code both work. */
	EXPANDED,

	/** The old column and the triggers are gone; only the new shape remains. */
	CONTRACTED

}
