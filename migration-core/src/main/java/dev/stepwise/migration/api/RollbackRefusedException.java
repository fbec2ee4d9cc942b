package dev.stepwise.migration.api;

/**
 * A rollback cannot start: a migration in its way has no undo, the target is unknown, or
 * the count exceeds what is applied. Nothing was changed.
 */
public class RollbackRefusedException extends StepwiseException {

	public RollbackRefusedException(String message) {
		super(message);
	}

}
