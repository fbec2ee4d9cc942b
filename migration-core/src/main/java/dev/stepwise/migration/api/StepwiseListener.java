package dev.stepwise.migration.api;

import java.sql.Connection;
import java.time.Duration;

/**
 * Hears what the engine does, for metrics and logs. Every method has an empty default; a
 * listener that throws does not stop the run (the engine logs it and goes on).
 */
public interface StepwiseListener {

	/** The run's lock was acquired after waiting {@code waited}. */
	default void lockAcquired(Duration waited) {
	}

	/** A migration is about to be applied. */
	default void beforeMigrate(MigrationEvent migration) {
	}

	/** A migration was applied and committed. */
	default void afterMigrate(MigrationEvent migration, Duration executionTime) {
	}

	/** A migration failed. */
	default void migrateFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
	}

	/** A migration is about to be rolled back. */
	default void beforeRollback(MigrationEvent migration) {
	}

	/** A migration was rolled back and committed. */
	default void afterRollback(MigrationEvent migration, Duration executionTime) {
	}

	/** A rollback of a migration failed. */
	default void rollbackFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
	}

	/**
	 * A point of the run was reached, after the SQL callbacks of that point ran; the
	 * connection is the run's work connection, in auto-commit mode (leave it so).
	 */
	default void onRunEvent(RunEvent event, Connection connection) {
	}

	/** A repair changed the history (not called for a dry run). */
	default void afterRepair(RepairResult result) {
	}

	/** A DDL statement timed out on a lock and is retried after {@code backoff}. */
	default void ddlRetried(MigrationEvent migration, int attempt, Duration backoff) {
	}

}
