package dev.stepwise.migration.api;

import dev.stepwise.migration.Stepwise;

/**
 * Whether the first run adopts a Flyway history in place: when Stepwise's history table is
 * missing (or empty) and Flyway's exists, its rows are copied into Stepwise's, so that
 * nothing is applied again and adopted versions can be rolled back.
 */
public enum FlywayAdoption {

	/** Adopt Flyway's history when there is one and Stepwise has none. */
	AUTO,

	/** Ignore Flyway's history; migrate (or baseline) as if it were not there. */
	OFF

}
