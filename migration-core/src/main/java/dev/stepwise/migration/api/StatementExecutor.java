package dev.stepwise.migration.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one statement of the schema DSL or of an expand or contract: the one place where
 * the engine plugs in its DDL lock timeout and retries, and a test its recorder.
 * {@link #PLAIN} runs it as it is.
 */
@FunctionalInterface
public interface StatementExecutor {

	/**
	 * Runs each statement once with {@link Statement#execute(String)}. A statement that must
	 * run outside a transaction is refused on a connection that is in one, rather than
	 * committing the caller's work behind its back.
	 */
	StatementExecutor PLAIN = (connection, statement) -> {
		if (!statement.transactional() && !connection.getAutoCommit()) {
			throw new SQLException("'" + statement.sql() + "' must run outside a transaction: give the Schema a"
					+ " connection in auto-commit mode, or a StatementExecutor that commits first");
		}
		try (Statement jdbc = connection.createStatement()) {
			jdbc.execute(statement.sql());
		}
	};

	/**
	 * Runs one statement.
	 * @param connection the connection, possibly in a transaction the caller commits
	 * @param statement the statement, and whether it may run in a transaction
	 * @throws SQLException if it fails
	 */
	void execute(Connection connection, SchemaStatement statement) throws SQLException;

}
