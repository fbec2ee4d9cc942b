package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one DDL statement of an expand or contract. The engine passes its own, which
 * applies the DDL lock timeout and retries; {@link #PLAIN} just executes.
 */
@FunctionalInterface
public interface DdlExecutor {

	/** Executes the statement as it is. */
	DdlExecutor PLAIN = (connection, sql) -> {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	};

	/**
	 * @param connection the connection, possibly in a transaction the caller commits
	 * @param sql the statement
	 * @throws SQLException if it fails
	 */
	void execute(Connection connection, String sql) throws SQLException;

}
