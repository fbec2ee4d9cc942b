package dev.stepwise.migration.internal.lock;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/** How one database takes, releases and explains the run lock. */
interface LockStrategy {

	/** Tries once, without waiting; true if this session now holds the lock. */
	boolean tryLock(Connection connection) throws SQLException;

	void unlock(Connection connection) throws SQLException;

	/**
	 * Whether this session still holds the lock: a cheap query on the lock's connection,
	 * which fails if the session is gone.
	 */
	boolean isHeld(Connection connection) throws SQLException;

	/**
	 * Puts back what {@link #tryLock} changed on the session, for a connection that goes
	 * back to a pool without the lock (a failed or timed-out acquire).
	 */
	default void reset(Connection connection) throws SQLException {
	}

	/** Who holds the lock, as far as the database can tell, or {@code null}. */
	@Nullable String holder(Connection connection);

}
