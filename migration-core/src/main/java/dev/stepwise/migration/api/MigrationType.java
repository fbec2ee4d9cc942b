package dev.stepwise.migration.api;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.java.JavaMigration;

/** How a migration is written. */
public enum MigrationType {

	/** A SQL script: {@code V}, {@code U} or {@code R} file. */
	SQL,

	/** A {@link JavaMigration}. */
	JAVA,

	/** The marker that {@link Stepwise#baseline(String)} writes for an adopted schema. */
	BASELINE,

	/**
	 * The marker that adopting another tool's history (Flyway's) writes after the rows it
	 * copied: every row ranked below it was adopted. Not a migration.
	 */
	ADOPTION

}
