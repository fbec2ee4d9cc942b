package dev.stepwise.migration.internal.history;

import java.time.Duration;
import java.time.Instant;

import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * One row of the history table.
 *
 * @param installedRank the order in which migrations ran
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param type how it is written
 * @param script the script or Java class that ran
 * @param checksum its checksum when it ran
 * @param installedBy who ran it
 * @param installedOn when it ran
 * @param executionTime how long it took
 * @param success whether it succeeded (false only where DDL auto-commits); false with a
 * {@code rollbackScript} when its rollback failed halfway
 * @param rolledBackBy who rolled it back (or tried to), or {@code null}
 * @param rolledBackOn when it was rolled back (or the rollback failed), or {@code null}
 * @param rollbackScript the script or method that undid it (or failed to), or {@code null}
 */
public record AppliedMigration(int installedRank, @Nullable MigrationVersion version, String description,
		MigrationType type, String script, @Nullable Integer checksum, String installedBy, Instant installedOn,
		Duration executionTime, boolean success, @Nullable String rolledBackBy, @Nullable Instant rolledBackOn,
		@Nullable String rollbackScript) {

	/** Whether the row stands for a migration in effect: succeeded and not rolled back. */
	public boolean isInEffect() {
		return this.success && this.rolledBackOn == null;
	}

	public boolean isRolledBack() {
		return this.success && this.rolledBackOn != null;
	}

	/**
	 * Whether its rollback failed after part of the undo had taken effect: neither applied
	 * nor rolled back until a person says which.
	 */
	public boolean isRollbackFailed() {
		return !this.success && this.rollbackScript != null;
	}

}
