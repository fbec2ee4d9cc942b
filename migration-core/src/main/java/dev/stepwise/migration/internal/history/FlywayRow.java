package dev.stepwise.migration.internal.history;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of Flyway's history table, as Flyway wrote it.
 *
 * @param installedRank the order in which it ran
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param type Flyway's type name ({@code SQL}, {@code JDBC}, {@code BASELINE}, ...)
 * @param script the script or class
 * @param checksum its checksum, or {@code null}
 * @param installedBy who ran it
 * @param installedOn when
 * @param executionTimeMillis how long it took
 * @param success whether it succeeded
 */
public record FlywayRow(int installedRank, @Nullable String version, String description, String type,
		String script, @Nullable Integer checksum, String installedBy, Instant installedOn, long executionTimeMillis,
		boolean success) {

}
