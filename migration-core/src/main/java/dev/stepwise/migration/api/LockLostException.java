package dev.stepwise.migration.api;

import org.jspecify.annotations.Nullable;

/**
 * The run lost its lock (its session ended, or the database no longer lists it as the
 * holder), so it stopped: another instance may be migrating. The message says what this
 * run did before and what became of the migration at hand.
 */
public class LockLostException extends MigrationFailedException {

	public LockLostException(String message, @Nullable MigrationVersion version, String script) {
		super(message, version, script, null);
	}

}
