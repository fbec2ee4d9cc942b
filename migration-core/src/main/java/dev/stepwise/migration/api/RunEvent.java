package dev.stepwise.migration.api;

/**
 * A point in a run where callbacks run: a SQL script named after it in a location (as
 * Flyway names them, {@code afterMigrate.sql} or {@code afterMigrate__grants.sql}), and
 * {@link StepwiseListener#onRunEvent(RunEvent, java.sql.Connection)}.
 */
public enum RunEvent {

	/** Before {@code migrate()} applies anything, under the lock. */
	BEFORE_MIGRATE("beforeMigrate"),

	/** Before each migration is applied. */
	BEFORE_EACH_MIGRATE("beforeEachMigrate"),

	/** After each migration was applied and committed. */
	AFTER_EACH_MIGRATE("afterEachMigrate"),

	/** After a migration failed. */
	AFTER_EACH_MIGRATE_ERROR("afterEachMigrateError"),

	/** After {@code migrate()} finished, even with nothing to apply. */
	AFTER_MIGRATE("afterMigrate"),

	/** After {@code migrate()} failed. */
	AFTER_MIGRATE_ERROR("afterMigrateError"),

	/** Before {@code validate()}. */
	BEFORE_VALIDATE("beforeValidate"),

	/** After {@code validate()} passed. */
	AFTER_VALIDATE("afterValidate"),

	/** After {@code validate()} found problems. */
	AFTER_VALIDATE_ERROR("afterValidateError"),

	/** Before a rollback undoes anything, under the lock (Flyway Teams' undo callbacks). */
	BEFORE_UNDO("beforeUndo"),

	/** Before each migration is undone. */
	BEFORE_EACH_UNDO("beforeEachUndo"),

	/** After each migration was undone and committed. */
	AFTER_EACH_UNDO("afterEachUndo"),

	/** After undoing a migration failed. */
	AFTER_EACH_UNDO_ERROR("afterEachUndoError"),

	/** After a rollback finished. */
	AFTER_UNDO("afterUndo"),

	/** After a rollback failed. */
	AFTER_UNDO_ERROR("afterUndoError");

	private final String callbackName;

	RunEvent(String callbackName) {
		this.callbackName = callbackName;
	}

	/** The file name of its SQL callbacks, without {@code .sql}: Flyway's name of the event. */
	public String callbackName() {
		return this.callbackName;
	}

}
