package dev.stepwise.migration.lock;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/** How one database takes, releases and explains the run lock. */
interface LockStrategy {

	/** Tries once, without waiting; true if this session now holds the lock. */
	boolean tryLock(Connection connection) throws SQLException;

	void unlock(Connection connection) throws SQLException;

	/** Who holds the lock, as far as the database can tell, or {@code null}. */
	@Nullable String holder(Connection connection);

}
