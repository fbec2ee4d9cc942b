package dev.stepwise.migration.api;

import org.jspecify.annotations.Nullable;

/**
 * What to roll back: everything above a version, or the most recent migrations by count.
 *
 * @param target undo everything above this version ({@code 0} undoes everything), or
 * {@code null} when counting
 * @param count how many of the most recent applied migrations to undo, when no target
 * @param dryRun whether to return the plan without changing the database
 */
public record RollbackRequest(@Nullable MigrationVersion target, int count, boolean dryRun) {

	public RollbackRequest {
		if (target == null && count < 1) {
			throw new IllegalArgumentException("A rollback count must be at least 1, got " + count);
		}
	}

	/** Undo every applied migration above {@code version}; {@code "0"} undoes everything. */
	public static RollbackRequest toVersion(String version) {
		return new RollbackRequest(MigrationVersion.parse(version), 0, false);
	}

	/** Undo the {@code count} most recent applied migrations. */
	public static RollbackRequest last(int count) {
		return new RollbackRequest(null, count, false);
	}

	/** The same request, as a dry run. */
	public RollbackRequest asDryRun() {
		return new RollbackRequest(this.target, this.count, true);
	}

}
