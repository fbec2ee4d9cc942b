package dev.stepwise.migration.api;

import java.time.Duration;
import java.time.Instant;

import dev.stepwise.migration.Stepwise;
import org.jspecify.annotations.Nullable;

/**
 * One migration as {@link Stepwise#info()} sees it: its source and its latest history row
 * taken together.
 *
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description from the file or class name
 * @param type how it is written
 * @param script the script path or Java class name
 * @param checksum the checksum of the source, or of the history row when the source is gone
 * @param state where it stands
 * @param installedRank the rank of its history row, or {@code null} if it never ran
 * @param installedBy who applied it
 * @param installedOn when it was applied
 * @param executionTime how long it took
 * @param rolledBackBy who rolled it back (for {@code ROLLBACK_FAILED}: who tried)
 * @param rolledBackOn when it was rolled back (for {@code ROLLBACK_FAILED}: when the rollback failed)
 * @param undoable whether a rollback can undo it (a {@code U} script or a Java {@code down})
 * @param adopted whether its history row was adopted from Flyway's history rather than
 * written by a Stepwise run
 */
public record MigrationInfo(@Nullable MigrationVersion version, String description, MigrationType type,
		String script, @Nullable Integer checksum, MigrationState state, @Nullable Integer installedRank,
		@Nullable String installedBy, @Nullable Instant installedOn, @Nullable Duration executionTime,
		@Nullable String rolledBackBy, @Nullable Instant rolledBackOn, boolean undoable, boolean adopted) {

	/** One that Stepwise itself applied, or that never ran. */
	public MigrationInfo(@Nullable MigrationVersion version, String description, MigrationType type, String script,
			@Nullable Integer checksum, MigrationState state, @Nullable Integer installedRank,
			@Nullable String installedBy, @Nullable Instant installedOn, @Nullable Duration executionTime,
			@Nullable String rolledBackBy, @Nullable Instant rolledBackOn, boolean undoable) {
		this(version, description, type, script, checksum, state, installedRank, installedBy, installedOn,
				executionTime, rolledBackBy, rolledBackOn, undoable, false);
	}

	/** Whether this is a repeatable migration. */
	public boolean isRepeatable() {
		return this.version == null;
	}

}
