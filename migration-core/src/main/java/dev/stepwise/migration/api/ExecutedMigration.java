package dev.stepwise.migration.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A migration that a run applied or rolled back.
 *
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param type how it is written
 * @param script the script or Java class that ran
 * @param executionTime how long it took
 */
public record ExecutedMigration(@Nullable MigrationVersion version, String description, MigrationType type,
		String script, Duration executionTime) {
}
