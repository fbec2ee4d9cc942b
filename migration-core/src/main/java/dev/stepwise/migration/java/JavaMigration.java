package dev.stepwise.migration.java;

import dev.stepwise.migration.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * A migration written in Java. Most implementations extend {@link BaseJavaMigration},
 * which takes the version and description from a class name such as
 * {@code V3__Seed_users}.
 */
public interface JavaMigration {

	/** The version; Java migrations are always versioned. */
	MigrationVersion version();

	/** The description shown in the history. */
	String description();

	/**
	 * Applies the migration, inside the migration's transaction unless
	 * {@link #transactional()} says otherwise.
	 * @param context the connection and helpers
	 * @throws Exception to fail the migration
	 */
	void up(MigrationContext context) throws Exception;

	/**
	 * Undoes the migration. Only called when {@link #undoable()} is true.
	 * @param context the connection and helpers
	 * @throws Exception to fail the rollback
	 */
	default void down(MigrationContext context) throws Exception {
		throw new UnsupportedOperationException(getClass().getName() + " has no down()");
	}

	/** Whether {@link #down(MigrationContext)} is implemented. */
	default boolean undoable() {
		return false;
	}

	/** Whether {@code up} and {@code down} run in a transaction. */
	default boolean transactional() {
		return true;
	}

	/**
	 * A checksum to detect an edited migration after it was applied, or {@code null} to
	 * skip that check.
	 */
	default @Nullable Integer checksum() {
		return null;
	}

}
