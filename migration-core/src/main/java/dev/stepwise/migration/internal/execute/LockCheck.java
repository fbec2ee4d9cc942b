package dev.stepwise.migration.internal.execute;

import org.jspecify.annotations.Nullable;

/** Whether the run still holds its lock, asked before each migration starts and before it commits. */
@FunctionalInterface
public interface LockCheck {

	/** A check for work that holds no lock (a dry run, a plan). */
	LockCheck NONE = () -> null;

	/** {@code null} while the lock is held, otherwise why it is not. */
	@Nullable String lostBecause();

}
