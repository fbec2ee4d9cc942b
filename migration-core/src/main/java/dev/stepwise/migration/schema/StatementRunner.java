package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the DDL statements of a {@link Schema}; the engine plugs in one that applies its
 * lock timeout and retries.
 */
@FunctionalInterface
public interface StatementRunner {

	/**
	 * Runs each statement once with {@link Statement#execute(String)}. A statement that must
	 * run outside a transaction is refused on a connection that is in one, rather than
	 * committing the caller's work behind its back.
	 */
	StatementRunner DEFAULT = (connection, statement) -> {
		if (!statement.transactional() && !connection.getAutoCommit()) {
			throw new SQLException("'" + statement.sql() + "' must run outside a transaction: give the Schema a"
					+ " connection in auto-commit mode, or a StatementRunner that commits first");
		}
		try (Statement jdbc = connection.createStatement()) {
			jdbc.execute(statement.sql());
		}
	};

	/**
	 * Runs one statement.
	 * @param connection the connection of the {@link Schema}
	 * @param statement the statement
	 * @throws SQLException if it fails
	 */
	void run(Connection connection, SchemaStatement statement) throws SQLException;

}
