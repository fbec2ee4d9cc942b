package dev.stepwise.migration.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

/**
 * H2 has no session lock functions, so the lock is a row locked {@code FOR UPDATE} in a
 * transaction left open for the run: it is released when that transaction ends, and so
 * with the session.
 */
final class H2RowLock implements LockStrategy {

	private final String table;

	private @Nullable String previousTimeout;

	H2RowLock(String quotedTable) {
		this.table = quotedTable;
	}

	@Override
	public boolean tryLock(Connection connection) throws SQLException {
		if (this.previousTimeout == null) {
			prepare(connection);
		}
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT ID FROM " + this.table + " WHERE ID = 1 FOR UPDATE")) {
			return result.next();
		}
		catch (SQLException ex) {
			connection.rollback();
			connection.setAutoCommit(true);
			return false;
		}
	}

	/**
	 * Creates the lock table and its one row when missing (a plain read, which never waits
	 * on the row), and makes each try wait only briefly: the caller's loop bounds the wait.
	 */
	private void prepare(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (ID INT PRIMARY KEY)");
			try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + this.table)) {
				rows.next();
				if (rows.getInt(1) == 0) {
					statement.execute("MERGE INTO " + this.table + " KEY (ID) VALUES (1)");
				}
			}
			try (ResultSet result = statement.executeQuery(
					"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'LOCK_TIMEOUT'")) {
				this.previousTimeout = result.next() ? result.getString(1) : "10000";
			}
			statement.execute("SET LOCK_TIMEOUT 50");
		}
	}

	@Override
	public void unlock(Connection connection) throws SQLException {
		connection.rollback();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCK_TIMEOUT " + Long.parseLong(String.valueOf(this.previousTimeout)));
		}
	}

	@Override
	public @Nullable String holder(Connection connection) {
		String sql = "SELECT SESSION_ID, USER_NAME, SESSION_START FROM INFORMATION_SCHEMA.SESSIONS"
				+ " WHERE CONTAINS_UNCOMMITTED AND SESSION_ID <> SESSION_ID() ORDER BY SESSION_START";
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			if (result.next()) {
				return "session " + result.getInt(1) + " (user " + result.getString(2) + ", started "
						+ result.getString(3) + ")";
			}
		}
		catch (SQLException ex) {
			// The description is a courtesy; the timeout is reported either way.
		}
		return null;
	}

}
