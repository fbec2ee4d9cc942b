package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Transforms the next slice of a table, inside the transaction the caller commits.
 */
interface BatchWalker {

	/**
	 * @param connection the connection, in an open transaction
	 * @param cursor where the previous batch stopped, {@code null} at the start
	 * @param size how many keys (or pages, for physical rows) to cover
	 * @return what the batch covered
	 */
	Batch next(Connection connection, @Nullable String cursor, int size) throws SQLException;

	/**
	 * One batch's outcome.
	 * @param cursor where the next batch starts
	 * @param rowsWalked the rows the batch covered
	 * @param size the batch size it covered, in the walker's unit (keys or pages)
	 * @param last whether the table is finished
	 * @param waiters the other sessions that waited long on a lock while the batch held its own
	 */
	record Batch(@Nullable String cursor, long rowsWalked, int size, boolean last, int waiters) {

		Batch(@Nullable String cursor, long rowsWalked, int size, boolean last) {
			this(cursor, rowsWalked, size, last, 0);
		}

		Batch withWaiters(int count) {
			return new Batch(this.cursor, this.rowsWalked, this.size, this.last, count);
		}

	}

}
