package dev.stepwise.migration.api;

import org.jspecify.annotations.Nullable;

/**
 * The migration a {@link StepwiseListener} is told about.
 *
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param type how it is written
 * @param script the script or Java class that runs
 */
public record MigrationEvent(@Nullable MigrationVersion version, String description, MigrationType type,
		String script) {
}
