package dev.stepwise.migration.internal.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A session-level {@code pg_advisory_lock}: it is released when the session ends, so a
 * crashed instance can never leave it stale. The two-int form keeps Stepwise's locks in a
 * key space of their own (the first int spells "STPW").
 */
final class PostgresAdvisoryLock extends SessionLock {

	private static final int NAMESPACE = 0x53545057;

	private static final String HOLDER = """
			SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state
			FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
			  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
			  AND l.classid = ?::int::oid AND l.objid = ?::int::oid""";

	private static final String HELD = """
			SELECT 1 FROM pg_locks
			WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND pid = pg_backend_pid()
			  AND classid = ?::int::oid AND objid = ?::int::oid""";

	private final int key;

	PostgresAdvisoryLock(int key) {
		this.key = key;
	}

	@Override
	void bindKey(PreparedStatement statement) throws SQLException {
		statement.setInt(1, NAMESPACE);
		statement.setInt(2, this.key);
	}

	@Override
	public boolean tryLock(Connection connection) throws SQLException {
		return query(connection, "SELECT pg_try_advisory_lock(?, ?)", (row) -> row.getBoolean(1));
	}

	@Override
	public void unlock(Connection connection) throws SQLException {
		execute(connection, "SELECT pg_advisory_unlock(?, ?)");
	}

	@Override
	public boolean isHeld(Connection connection) throws SQLException {
		return query(connection, HELD, (row) -> true);
	}

	@Override
	public @Nullable String holder(Connection connection) {
		return describe(connection, HOLDER,
				(row) -> "pid " + row.getInt("pid") + " (application '" + row.getString("application_name")
						+ "', client " + row.getString("client_addr") + ", connected since "
						+ row.getTimestamp("backend_start").toInstant() + ", " + row.getString("state") + ")");
	}

}
