package dev.stepwise.migration.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One step of a plan: a migration to apply or undo, and what it will run.
 *
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param type how it is written
 * @param script the script (the {@code U} script for a rollback) or Java class
 * @param statements the SQL statements in order; a Java migration shows what it will call
 * @param transactional whether it runs in one transaction
 */
public record PlannedMigration(@Nullable MigrationVersion version, String description, MigrationType type,
		String script, List<String> statements, boolean transactional) {

	public PlannedMigration {
		statements = List.copyOf(statements);
	}

}
