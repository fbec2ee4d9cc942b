package dev.stepwise.migration.internal.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A {@code GET_LOCK} named lock: held by the session, released when it ends. Names are
 * server-wide, so the name includes the database.
 */
final class MySqlNamedLock extends SessionLock {

	private final String name;

	MySqlNamedLock(String name) {
		this.name = name;
	}

	@Override
	void bindKey(PreparedStatement statement) throws SQLException {
		statement.setString(1, this.name);
	}

	@Override
	public boolean tryLock(Connection connection) throws SQLException {
		return query(connection, "SELECT GET_LOCK(?, 0)", (row) -> row.getInt(1) == 1);
	}

	@Override
	public void unlock(Connection connection) throws SQLException {
		execute(connection, "SELECT RELEASE_LOCK(?)");
	}

	@Override
	public boolean isHeld(Connection connection) throws SQLException {
		return query(connection, "SELECT IS_USED_LOCK(?) = CONNECTION_ID()", (row) -> row.getBoolean(1));
	}

	@Override
	public @Nullable String holder(Connection connection) {
		return describe(connection, "SELECT p.ID, p.USER, p.HOST, p.TIME, p.COMMAND FROM information_schema.PROCESSLIST p"
				+ " WHERE p.ID = IS_USED_LOCK(?)",
				(row) -> "connection " + row.getLong("ID") + " (user " + row.getString("USER") + ", client "
						+ row.getString("HOST") + ", " + row.getString("COMMAND") + " for " + row.getLong("TIME")
						+ " s)");
	}

}
