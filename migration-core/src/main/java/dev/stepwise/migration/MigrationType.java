package dev.stepwise.migration;

/** How a migration is written. */
public enum MigrationType {

	/** A SQL script: {@code V}, {@code U} or {@code R} file. */
	SQL,

	/** A {@link JavaMigration}. */
	JAVA,

	/** The marker that {@link Stepwise#baseline(String)} writes for an adopted schema. */
	BASELINE

}
