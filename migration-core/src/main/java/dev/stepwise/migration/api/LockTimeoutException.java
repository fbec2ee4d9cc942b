package dev.stepwise.migration.api;

import dev.stepwise.migration.Stepwise;

/**
 * Another Stepwise run held the lock for longer than the configured wait. The message
 * names the holder where the database can tell.
 */
public class LockTimeoutException extends StepwiseException {

	public LockTimeoutException(String message) {
		super(message);
	}

}
