package dev.stepwise.migration.internal.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * H2 has no session lock functions, so the lock is a row locked {@code FOR UPDATE} in a
 * transaction left open for the run: it is released when that transaction ends, and so
 * with the session.
 */
final class H2RowLock implements LockStrategy {

	private final String schema;

	private final String table;

	private final Dialect dialect;

	private Dialect.@Nullable SessionSetting lockTimeout;

	/**
	 * @param dialect H2's dialect
	 * @param schema the schema of the lock table
	 * @param table the lock table's stored name
	 */
	H2RowLock(Dialect dialect, String schema, String table) {
		this.dialect = dialect;
		this.schema = schema;
		this.table = dialect.quote(schema) + "." + dialect.quote(table);
	}

	@Override
	public boolean tryLock(Connection connection) throws SQLException {
		if (this.lockTimeout == null) {
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
		// The lock table lives in the schema (stepwise.schema), which a first run has yet to create.
		this.dialect.createSchemaIfAbsent(connection, this.schema);
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (ID INT PRIMARY KEY)");
			try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + this.table)) {
				rows.next();
				if (rows.getInt(1) == 0) {
					statement.execute("MERGE INTO " + this.table + " KEY (ID) VALUES (1)");
				}
			}
		}
		this.lockTimeout = this.dialect.applyLockTimeout(connection, Duration.ofMillis(50));
	}

	@Override
	public void unlock(Connection connection) throws SQLException {
		reset(connection);
	}

	/** Locking the row again in the same transaction answers at once while this session holds it. */
	@Override
	public boolean isHeld(Connection connection) throws SQLException {
		if (connection.getAutoCommit()) {
			return false;
		}
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT ID FROM " + this.table + " WHERE ID = 1 FOR UPDATE")) {
			return result.next();
		}
	}

	/** Ends the lock's transaction and gives the session its own lock timeout back. */
	@Override
	public void reset(Connection connection) throws SQLException {
		try {
			connection.rollback();
			connection.setAutoCommit(true);
		}
		finally {
			if (this.lockTimeout != null) {
				Dialect.SessionSetting restore = this.lockTimeout;
				this.lockTimeout = null;
				restore.restore();
			}
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
