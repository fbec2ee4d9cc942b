package dev.stepwise.migration;

import org.jspecify.annotations.Nullable;

/**
 * Something Stepwise cannot do. The message says what failed, where (migration, file,
 * line) and how to fix it.
 */
public class StepwiseException extends RuntimeException {

	public StepwiseException(String message) {
		super(message);
	}

	public StepwiseException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
