package dev.stepwise.migration.api;

import org.jspecify.annotations.Nullable;

/**
 * A migration or its rollback failed while running.
 */
public class MigrationFailedException extends StepwiseException {

	private final @Nullable MigrationVersion version;

	private final String script;

	public MigrationFailedException(String message, @Nullable MigrationVersion version, String script,
			@Nullable Throwable cause) {
		super(message, cause);
		this.version = version;
		this.script = script;
	}

	/** The version of the failed migration, or {@code null} for a repeatable one. */
	public @Nullable MigrationVersion version() {
		return this.version;
	}

	/** The script or Java class that failed. */
	public String script() {
		return this.script;
	}

}
