package dev.stepwise.migration.schema;

import dev.stepwise.migration.api.StepwiseException;

/**
 * A {@link Schema} was asked for the inverse of a change that records none, such as a
 * {@code dropColumn} without the column's definition. The message names the change and
 * how to make it undoable.
 */
public class IrreversibleChangeException extends StepwiseException {

	public IrreversibleChangeException(String message) {
		super(message);
	}

}
