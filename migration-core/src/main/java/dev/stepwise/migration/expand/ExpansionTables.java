package dev.stepwise.migration.expand;

import dev.stepwise.migration.internal.dialect.StateTables;

/**
 * The names of the tables that expands and backfills keep their state in, for callers
 * that must check whether a database ever used them without creating them.
 */
public final class ExpansionTables {

	/** Column changes in flight or contracted. */
	public static final String EXPANSIONS = StateTables.EXPANSIONS;

	/** Backfill cursors and progress. */
	public static final String BACKFILLS = StateTables.BACKFILLS;

	/** The registry of running application instances. */
	public static final String INSTANCES = InstanceRegistry.TABLE;

	private ExpansionTables() {
	}

}
