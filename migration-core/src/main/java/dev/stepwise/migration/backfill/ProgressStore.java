package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.dialect.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * The {@code stepwise_backfills} table: one row per backfill with its cursor, written in
 * the transaction of each batch so that the cursor and the rows it covers commit together.
 */
final class ProgressStore {

	static final String TABLE = "stepwise_backfills";

	private static final String COLUMNS = "name, table_name, definition, key_cursor, rows_done, rows_estimate, done, started_at, updated_at";

	private final DatabaseType type;

	ProgressStore(DatabaseType type) {
		this.type = type;
	}

	void createIfMissing(Connection connection) throws SQLException {
		String timestamp = this.type.isMySqlFamily() ? "DATETIME(3)" : "TIMESTAMP";
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR(200) NOT NULL PRIMARY KEY,"
					+ " table_name VARCHAR(200) NOT NULL, definition VARCHAR(4000) NOT NULL, key_cursor VARCHAR(4000),"
					+ " rows_done BIGINT NOT NULL, rows_estimate BIGINT NOT NULL, done SMALLINT NOT NULL,"
					+ " started_at " + timestamp + " NOT NULL, updated_at " + timestamp + " NOT NULL)");
		}
	}

	@Nullable Stored load(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE name = ?")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? read(rows) : null;
			}
		}
	}

	List<Stored> all(Connection connection) throws SQLException {
		List<Stored> all = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY started_at, name")) {
			while (rows.next()) {
				all.add(read(rows));
			}
		}
		return all;
	}

	void insert(Connection connection, String name, String table, String definition, long estimate) throws SQLException {
		Timestamp now = Timestamp.from(Instant.now());
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
				+ ") VALUES (?, ?, ?, NULL, 0, ?, 0, ?, ?)")) {
			statement.setString(1, name);
			statement.setString(2, table);
			statement.setString(3, definition);
			statement.setLong(4, estimate);
			statement.setTimestamp(5, now);
			statement.setTimestamp(6, now);
			statement.executeUpdate();
		}
	}

	void advance(Connection connection, String name, @Nullable String cursor, long rowsDone, boolean done)
			throws SQLException {
		requireAdvanced(name, advance(name, cursor, rowsDone, done).executeUpdate(connection));
	}

	/** The UPDATE that stores a batch's cursor; it must count one row ({@link #requireAdvanced}). */
	BoundSql advance(String name, @Nullable String cursor, long rowsDone, boolean done) {
		Timestamp now = Timestamp.from(Instant.now());
		return new BoundSql("UPDATE " + TABLE + " SET key_cursor = ?, rows_done = ?, done = ?, updated_at = ? WHERE name = ?",
				List.of((statement, index) -> statement.setString(index, cursor),
						(statement, index) -> statement.setLong(index, rowsDone),
						(statement, index) -> statement.setInt(index, done ? 1 : 0),
						(statement, index) -> statement.setTimestamp(index, now),
						(statement, index) -> statement.setString(index, name)));
	}

	static void requireAdvanced(String name, int updated) {
		if (updated != 1) {
			throw new IllegalStateException("Backfill '" + name + "' lost its row in " + TABLE
					+ " while running: was it reset concurrently?");
		}
	}

	void delete(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?")) {
			statement.setString(1, name);
			statement.executeUpdate();
		}
	}

	private static Stored read(ResultSet rows) throws SQLException {
		return new Stored(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
				rows.getLong(6), rows.getInt(7) == 1, rows.getTimestamp(8).toInstant(), rows.getTimestamp(9).toInstant());
	}

	/** One stored row. */
	record Stored(String name, String table, String definition, @Nullable String cursor, long rowsDone,
			long estimate, boolean done, Instant startedAt, Instant updatedAt) {

		BackfillProgress progress() {
			return progressAt(this.rowsDone, this.updatedAt, this.done);
		}

		/** The progress after a later batch, as {@link ProgressStore#advance} has just stored it. */
		BackfillProgress progressAt(long rowsDone, Instant updatedAt, boolean done) {
			double seconds = Duration.between(this.startedAt, updatedAt).toMillis() / 1000.0;
			double rate = (seconds > 0) ? rowsDone / seconds : 0;
			return new BackfillProgress(this.name, this.table, rowsDone, this.estimate, rate, done);
		}

	}

}
