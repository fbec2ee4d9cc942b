package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.dialect.Instants;
import dev.stepwise.migration.internal.dialect.StateTables;
import dev.stepwise.migration.internal.jdbc.Transactions;
import org.jspecify.annotations.Nullable;

/**
 * The {@code stepwise_backfills} table: one row per backfill with its cursor, written in
 * the transaction of each batch so that the cursor and the rows it covers commit together.
 * <p>
 * A backfill that several workers run has, besides its own row (part 0), one row per part
 * of the key range (parts 1 to n): each worker's batches store its part's cursor, so that
 * no two workers write the same row. The part's end key is kept in its
 * {@code definition}. The parts are folded into part 0 when the backfill finishes.
 */
final class ProgressStore {

	static final String TABLE = StateTables.BACKFILLS;

	private final StateTables tables;

	private final DatabaseType type;

	private final String table;

	/**
	 * A backfill's own row (part 0) as {@link #read} reads it, its rows done and its last
	 * batch's time counting those of its parts.
	 */
	private final String select;

	ProgressStore(StateTables tables) {
		this.tables = tables;
		this.type = tables.type();
		this.table = tables.qualified(TABLE);
		this.select = "SELECT b.name, b.table_name, b.definition, b.key_cursor, b.rows_done + COALESCE("
				+ "(SELECT SUM(p.rows_done) FROM " + this.table + " p WHERE p.name = b.name AND p.part > 0), 0),"
				+ " b.rows_estimate, b.done, b.started_at, COALESCE((SELECT MAX(p.updated_at) FROM " + this.table
				+ " p WHERE p.name = b.name AND p.part > 0), b.updated_at) FROM " + this.table + " b WHERE b.part = 0";
	}

	/** Creates the table when missing: for writers only. */
	void createIfMissing(Connection connection) throws SQLException {
		this.tables.createIfAbsent(connection, TABLE);
	}

	/** Whether the table exists; readers report a missing one as no backfill at all. */
	boolean exists(Connection connection) throws SQLException {
		return this.tables.exists(connection, TABLE);
	}

	/** A backfill's own row, with the rows its parts have done. */
	@Nullable Stored load(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(this.select + " AND b.name = ?")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? read(rows) : null;
			}
		}
	}

	List<Stored> all(Connection connection) throws SQLException {
		List<Stored> all = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(this.select + " ORDER BY b.started_at, b.name")) {
			while (rows.next()) {
				all.add(read(rows));
			}
		}
		return all;
	}

	void insert(Connection connection, String name, String table, String definition, long estimate) throws SQLException {
		insertRow(connection, name, 0, table, definition, null, estimate);
	}

	/** The parts of a backfill that workers share, in order; empty if it has none. */
	List<Part> parts(Connection connection, String name) throws SQLException {
		List<Part> parts = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT part, key_cursor, definition, rows_done, done FROM "
				+ this.table + " WHERE name = ? AND part > 0 ORDER BY part")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String end = rows.getString(3);
					parts.add(new Part(rows.getInt(1), rows.getString(2), end.isEmpty() ? null : end, rows.getLong(4),
							rows.getInt(5) == 1));
				}
			}
		}
		return parts;
	}

	/**
	 * Splits a backfill into parts, each from its start (exclusive) to its end (inclusive).
	 * @param starts each part's start cursor, {@code null} for the table's start
	 * @param ends each part's end cursor, {@code null} for the table's end
	 */
	void insertParts(Connection connection, String name, String table, List<@Nullable String> starts,
			List<@Nullable String> ends) throws SQLException {
		for (int i = 0; i < starts.size(); i++) {
			String end = ends.get(i);
			insertRow(connection, name, i + 1, table, (end != null) ? end : "", starts.get(i), 0);
		}
	}

	void advance(Connection connection, String name, int part, @Nullable String cursor, long rowsDone, boolean done)
			throws SQLException {
		requireAdvanced(name, advance(name, part, cursor, rowsDone, done).executeUpdate(connection));
	}

	/** The UPDATE that stores a batch's cursor; it must count one row ({@link #requireAdvanced}). */
	BoundSql advance(String name, int part, @Nullable String cursor, long rowsDone, boolean done) {
		Instant now = Instant.now();
		DatabaseType type = this.type;
		return new BoundSql("UPDATE " + this.table + " SET key_cursor = ?, rows_done = ?, done = ?, updated_at = ?"
				+ " WHERE name = ? AND part = ?",
				List.of((statement, index) -> statement.setString(index, cursor),
						(statement, index) -> statement.setLong(index, rowsDone),
						(statement, index) -> statement.setInt(index, done ? 1 : 0),
						(statement, index) -> Instants.set(type, statement, index, now),
						(statement, index) -> statement.setString(index, name),
						(statement, index) -> statement.setInt(index, part)));
	}

	static void requireAdvanced(String name, int updated) {
		if (updated != 1) {
			throw new IllegalStateException("Backfill '" + name + "' lost its row in " + TABLE
					+ " while running: was it reset concurrently?");
		}
	}

	/** Marks a backfill done with its parts' rows, and removes the parts, in one transaction. */
	void finishParts(Connection connection, String name, long rowsDone) throws SQLException {
		Transactions.run(connection, () -> {
			advance(connection, name, 0, null, rowsDone, true);
			try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + this.table + " WHERE name = ? AND part > 0")) {
				statement.setString(1, name);
				statement.executeUpdate();
			}
		});
	}

	void delete(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + this.table + " WHERE name = ?")) {
			statement.setString(1, name);
			statement.executeUpdate();
		}
	}

	private void insertRow(Connection connection, String name, int part, String table, String definition,
			@Nullable String cursor, long estimate) throws SQLException {
		Instant now = Instant.now();
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.table + " (part, key_cursor, name,"
				+ " table_name, definition, rows_done, rows_estimate, done, started_at, updated_at)"
				+ " VALUES (?, ?, ?, ?, ?, 0, ?, 0, ?, ?)")) {
			statement.setInt(1, part);
			statement.setString(2, cursor);
			statement.setString(3, name);
			statement.setString(4, table);
			statement.setString(5, definition);
			statement.setLong(6, estimate);
			Instants.set(this.type, statement, 7, now);
			Instants.set(this.type, statement, 8, now);
			statement.executeUpdate();
		}
	}

	private Stored read(ResultSet rows) throws SQLException {
		return new Stored(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
				rows.getLong(6), rows.getInt(7) == 1, Objects.requireNonNull(Instants.get(this.type, rows, 8)),
				Objects.requireNonNull(Instants.get(this.type, rows, 9)));
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
			return new BackfillProgress(this.name, this.table, rowsDone, this.estimate, rate, done, updatedAt);
		}

	}

	/**
	 * One part of a backfill that several workers share.
	 * @param number the part, from 1
	 * @param cursor where its next batch starts, {@code null} at the table's start
	 * @param end its last key, {@code null} for the table's end
	 * @param rowsDone the rows its batches walked
	 * @param done whether it is finished
	 */
	record Part(int number, @Nullable String cursor, @Nullable String end, long rowsDone, boolean done) {

	}

}
