package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What the field does without Stepwise, under the same writers, as the reference
 * table measured it: the recipe (one UPDATE of the whole table after ADD COLUMN) and
 * batches of {@value #BATCH_ROWS} rows by id in autocommit, with no sync, so that writes
 * made during the copy are lost. The batches are the plainest batched copy: the same rows
 * and the same redo log or WAL as the expand's backfill, with no triggers, no throttle, no
 * rest and no bookkeeping.
 *
 * @param kind which of the two
 * @param underLoad what the writers saw while it ran
 * @param elapsedNanos the copy's time, from its first statement to its last commit
 * @param checkpointAge how close the log came to forcing a checkpoint meanwhile
 * @param inconsistent rows whose two columns differ when it ends (the writers stopped first)
 */
record ReferenceRun(Kind kind, WriterResult underLoad, long elapsedNanos, String checkpointAge, long inconsistent) {

	static final int BATCH_ROWS = 10_000;

	/** The two ways of copying a column without sync triggers. */
	enum Kind {

		RECIPE("one UPDATE after ADD COLUMN"),

		BATCHES("batches of " + BATCH_ROWS + " by id, no sync");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static ReferenceRun run(ScratchDatabase database, String table, Kind kind, Settings settings, RunClock clock)
			throws Exception {
		database.execute("ALTER TABLE " + table + " ADD COLUMN full_name " + database.vendor().textType());
		database.settle(table);
		CheckpointAge checkpointAge = CheckpointAge.start(database);
		Writers writers = ZeroDowntimeBenchmark.writers(database, table, settings, clock);
		writers.start(settings.cap());
		Thread.sleep(settings.lead().toMillis());
		long start = clock.now();
		long end;
		WriterResult underLoad;
		try (checkpointAge; Connection connection = database.connect()) {
			if (kind == Kind.RECIPE) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("UPDATE " + table + " SET full_name = name");
				}
			}
			else {
				copyInBatches(connection, table, settings.rows());
			}
			end = clock.now();
		}
		finally {
			underLoad = writers.stop();
		}
		long inconsistent = database.queryLong("SELECT COUNT(*) FROM " + table + " WHERE "
				+ database.vendor().differs("full_name", "name"));
		database.execute("DROP TABLE " + table);
		return new ReferenceRun(kind, underLoad, end - start, checkpointAge.describe(), inconsistent);
	}

	private static void copyInBatches(Connection connection, String table, long rows) throws SQLException {
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE " + table + " SET full_name = name WHERE id > ? AND id <= ?")) {
			for (long lower = 0; lower < rows; lower += BATCH_ROWS) {
				update.setLong(1, lower);
				update.setLong(2, lower + BATCH_ROWS);
				update.executeUpdate();
			}
		}
	}

}
