package dev.stepwise.migration.api;

/**
 * The kinds of column change that run as expand and contract.
 */
public enum ChangeOperation {

	/** A column gets a new name. */
	RENAME_COLUMN,

	/** A column's values move to a column of another type, converted both ways. */
	CHANGE_COLUMN_TYPE,

	/** A column becomes NOT NULL, with a value for the rows old code writes as null. */
	SET_NOT_NULL

}
