package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.stepwise.migration.internal.lock.RunLock;
import dev.stepwise.migration.testsupport.TestDataSource;

/**
 * An unpooled DataSource that remembers the database session of every connection it hands
 * out, and whether the run lock asked for it, so that a test can kill exactly the lock's or
 * the migration's session. Unpooled, so that a killed connection is never handed out again.
 */
final class SessionsOfARun extends TestDataSource {

	private final String url;

	private final String sessionIdQuery;

	private final List<Long> lockSessions = new CopyOnWriteArrayList<>();

	private final List<Long> workSessions = new CopyOnWriteArrayList<>();

	SessionsOfARun(String url, String sessionIdQuery) {
		this.url = url;
		this.sessionIdQuery = sessionIdQuery;
	}

	/** The session of the run lock's connection, the latest one. */
	long lockSession() {
		if (this.lockSessions.isEmpty()) {
			throw new IllegalStateException("The run has not taken its lock");
		}
		return this.lockSessions.get(this.lockSessions.size() - 1);
	}

	/** Whether the run has asked for its lock (got past everything it checks before). */
	boolean askedForTheLock() {
		return !this.lockSessions.isEmpty();
	}

	/** The sessions of every other connection the run opened, in order. */
	List<Long> workSessions() {
		return this.workSessions;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = DriverManager.getConnection(this.url);
		long id;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(this.sessionIdQuery)) {
			result.next();
			id = result.getLong(1);
		}
		boolean forLock = StackWalker.getInstance()
			.walk((frames) -> frames.anyMatch((frame) -> frame.getClassName().equals(RunLock.class.getName())));
		(forLock ? this.lockSessions : this.workSessions).add(id);
		return connection;
	}

}
