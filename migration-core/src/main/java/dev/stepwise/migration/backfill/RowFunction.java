package dev.stepwise.migration.backfill;

import org.jspecify.annotations.Nullable;

/**
 * Computes a column's new value from a row in Java, for a backfill that SQL cannot
 * express. It must give the same result for the same row, since a resumed backfill may
 * compute a row of an interrupted batch again.
 */
@FunctionalInterface
public interface RowFunction {

	/**
	 * @param row the row as it is now, locked for the batch
	 * @return the value to store, bound with {@code PreparedStatement.setObject}
	 */
	@Nullable Object apply(BackfillRow row);

}
