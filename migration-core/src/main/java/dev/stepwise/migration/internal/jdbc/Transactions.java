package dev.stepwise.migration.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Runs work on a connection in one transaction and puts its auto-commit mode back:
 * <ol>
 * <li>saves the auto-commit mode and turns it off;</li>
 * <li>runs the work and commits;</li>
 * <li>on a failure rolls back, restores the mode and rethrows the work's failure;</li>
 * <li>otherwise restores the mode.</li>
 * </ol>
 * On a connection the database killed, the rollback and the restore fail too ("Connection
 * is closed"): their failures are attached to the work's as suppressed, never thrown in its
 * place, so that the cause (such as PostgreSQL's 57P01) stays the one reported.
 */
public final class Transactions {

	private Transactions() {
	}

	/**
	 * Runs the work in one transaction on the connection.
	 * @param connection the connection; its auto-commit mode is the same afterwards
	 * @param work what to run before the commit
	 * @throws SQLException the work's failure, or the commit's
	 */
	public static void run(Connection connection, Work work) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			work.run();
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			attempt(ex, connection::rollback);
			attempt(ex, () -> connection.setAutoCommit(autoCommit));
			throw ex;
		}
		connection.setAutoCommit(autoCommit);
	}

	/**
	 * Runs a cleanup step; if it fails while {@code failure} is being thrown, its failure is
	 * attached to that one as suppressed instead.
	 * @param failure the failure being thrown, or {@code null} if none is
	 * @param step the cleanup step
	 * @throws SQLException the step's failure when nothing else is being thrown
	 */
	public static void attempt(@Nullable Throwable failure, Work step) throws SQLException {
		try {
			step.run();
		}
		catch (SQLException | RuntimeException ex) {
			if (failure == null) {
				throw ex;
			}
			failure.addSuppressed(ex);
		}
	}

	/** Work, or a cleanup step, on a connection. */
	@FunctionalInterface
	public interface Work {

		void run() throws SQLException;

	}

}
