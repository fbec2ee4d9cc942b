package dev.stepwise.migration.internal.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A {@code GET_LOCK} named lock: held by the session, released when it ends. Names are
 * server-wide, so the name includes the database.
 */
final class MySqlNamedLock implements LockStrategy {

	private final String name;

	MySqlNamedLock(String name) {
		this.name = name;
	}

	@Override
	public boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	@Override
	public void unlock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, this.name);
			statement.execute();
		}
	}

	@Override
	public boolean isHeld(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	@Override
	public @Nullable String holder(Connection connection) {
		String sql = "SELECT p.ID, p.USER, p.HOST, p.TIME, p.COMMAND FROM information_schema.PROCESSLIST p"
				+ " WHERE p.ID = IS_USED_LOCK(?)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					return "connection " + result.getLong("ID") + " (user " + result.getString("USER") + ", client "
							+ result.getString("HOST") + ", " + result.getString("COMMAND") + " for "
							+ result.getLong("TIME") + " s)";
				}
			}
		}
		catch (SQLException ex) {
			// The description is a courtesy; the timeout is reported either way.
		}
		return null;
	}

}
