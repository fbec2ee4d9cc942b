package dev.stepwise.migration.backfill;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Puts a connection back in order after a batch without hiding why the batch failed: on a
 * connection the database killed, the rollback and every reset fail too ("Connection is
 * closed"), and thrown from a {@code finally} block they would replace the real cause
 * (such as PostgreSQL's 57P01).
 */
final class Cleanup {

	private Cleanup() {
	}

	/**
	 * Runs a step; if it fails while {@code failure} is being thrown, the step's failure is
	 * attached to it as suppressed instead.
	 */
	static void run(@Nullable Throwable failure, Step step) throws SQLException {
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

	/** One cleanup step. */
	@FunctionalInterface
	interface Step {

		void run() throws SQLException;

	}

}
