package dev.stepwise.migration.internal.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A lock the server keeps for the session and takes, tests and releases with functions
 * called on the lock's key ({@code GET_LOCK}, {@code pg_advisory_lock}): each operation is
 * one query that binds the key the same way, so a subclass gives the key and the queries.
 */
abstract class SessionLock implements LockStrategy {

	/** Sets the lock's key as the query's leading parameters. */
	abstract void bindKey(PreparedStatement statement) throws SQLException;

	/** Whether the query, run with the key, returns a row that passes the test. */
	final boolean query(Connection connection, String sql, RowTest test) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bindKey(statement);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && test.passes(result);
			}
		}
	}

	final void execute(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bindKey(statement);
			statement.execute();
		}
	}

	/** The first row of the query, run with the key, described; {@code null} when there is none or the query fails. */
	final @Nullable String describe(Connection connection, String sql, RowDescription description) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bindKey(statement);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					return description.of(result);
				}
			}
		}
		catch (SQLException ex) {
			// The description is a courtesy; the timeout is reported either way.
		}
		return null;
	}

	@FunctionalInterface
	interface RowTest {

		boolean passes(ResultSet row) throws SQLException;

	}

	@FunctionalInterface
	interface RowDescription {

		String of(ResultSet row) throws SQLException;

	}

}
