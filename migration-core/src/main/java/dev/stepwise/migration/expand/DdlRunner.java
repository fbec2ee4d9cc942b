package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs the statements of a phase through the configured {@link DdlExecutor}, and wraps
 * work in one transaction (which on PostgreSQL makes DDL and bookkeeping appear together).
 */
final class DdlRunner {

	private final DdlExecutor executor;

	DdlRunner(DdlExecutor executor) {
		this.executor = executor;
	}

	void execute(Connection connection, List<String> statements) throws SQLException {
		for (String statement : statements) {
			this.executor.execute(connection, statement);
		}
	}

	static void inTransaction(Connection connection, Work work) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			work.run();
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/** Work on a connection inside a transaction. */
	@FunctionalInterface
	interface Work {

		void run() throws SQLException;

	}

}
