package dev.stepwise.migration.api;

import dev.stepwise.migration.Stepwise;
import org.jspecify.annotations.Nullable;

/**
 * Something Stepwise cannot do. The message says what failed, where (migration, file,
 * line) and how to fix it; never a credential (see {@link CredentialMask}).
 */
public class StepwiseException extends RuntimeException {

	public StepwiseException(String message) {
		super(CredentialMask.mask(message));
	}

	public StepwiseException(String message, @Nullable Throwable cause) {
		// Every engine failure passes here, so no message or cause chain of one can show a credential that a
		// driver put in its message (a mistyped URL with ?password=, user:password@host).
		super(CredentialMask.mask(message), (cause != null) ? CredentialMask.masked(cause) : null);
	}

}
