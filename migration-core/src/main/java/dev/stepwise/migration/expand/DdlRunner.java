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
			// On a connection the database killed, the rollback and the reset fail too ("Connection is
			// closed"): they must not hide why the work failed.
			try {
				connection.rollback();
			}
			catch (SQLException cleanup) {
				ex.addSuppressed(cleanup);
			}
			restoreQuietly(connection, autoCommit, ex);
			throw ex;
		}
		connection.setAutoCommit(autoCommit);
	}

	private static void restoreQuietly(Connection connection, boolean autoCommit, Exception failure) {
		try {
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException cleanup) {
			failure.addSuppressed(cleanup);
		}
	}

	/** Work on a connection inside a transaction. */
	@FunctionalInterface
	interface Work {

		void run() throws SQLException;

	}

}
