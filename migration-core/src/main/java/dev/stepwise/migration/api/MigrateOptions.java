package dev.stepwise.migration.api;

import dev.stepwise.migration.Stepwise;

/**
 * How {@link Stepwise#migrate(MigrateOptions)} runs.
 *
 * @param dryRun whether to return the plan without changing the database
 * @param includeRolledBack whether to re-apply migrations that were rolled back; without
 * it a rollback sticks, so a restarting instance of the rolled back release cannot undo an
 * operator's rollback
 */
public record MigrateOptions(boolean dryRun, boolean includeRolledBack) {

	private static final MigrateOptions DEFAULTS = new MigrateOptions(false, false);

	/** Apply what is pending; leave rolled back migrations alone. */
	public static MigrateOptions defaults() {
		return DEFAULTS;
	}

	/** The same options, as a dry run. */
	public MigrateOptions asDryRun() {
		return new MigrateOptions(true, this.includeRolledBack);
	}

	/** The same options, re-applying rolled back migrations. */
	public MigrateOptions includingRolledBack() {
		return new MigrateOptions(this.dryRun, true);
	}

}
