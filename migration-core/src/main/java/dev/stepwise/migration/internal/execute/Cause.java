package dev.stepwise.migration.internal.execute;

/** Why a migration stopped, which decides what its message may claim and which step it names. */
enum Cause {

	/** The database refused a statement, or the Java code threw: the script or code is at fault. */
	ERROR,

	/** A statement could not get a table lock within the DDL lock timeout, after every retry. */
	LOCK_TIMEOUT,

	/** The migration's own connection died (killed session, proxy timeout, failover, crash). */
	CONNECTION_LOST,

	/** The run's lock was lost while the migration ran, so another instance may be migrating. */
	LOCK_LOST

}
