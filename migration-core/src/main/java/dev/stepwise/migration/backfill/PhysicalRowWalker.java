package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * Walks a PostgreSQL table without a usable key by page ranges of its physical row id
 * ({@code ctid}), up to the table's size when the backfill started.
 * <p>
 * An updated row may move to a page not walked yet and be updated again, so this walker
 * takes SQL expressions only, and they must give the same result when applied twice
 * (true of an expression that reads other columns than the one it writes). Pages added
 * after the start are not walked: they hold rows this walk moved, and rows inserted since,
 * which the writer (or a sync trigger) is responsible for.
 */
final class PhysicalRowWalker implements BatchWalker {

	private final String table;

	private final String setClause;

	private final @Nullable String where;

	PhysicalRowWalker(DatabaseType type, BackfillTarget target, Assignments assignments, @Nullable String where) {
		if (assignments.needsRows()) {
			throw new IllegalStateException("Backfill of table '" + target.table() + "' cannot compute values in Java:"
					+ " the table has no primary or unique key to find each row again; add a key, or use set(column, sqlExpression)");
		}
		this.table = type.quote(target.table());
		this.setClause = assignments.setClause(type);
		this.where = where;
	}

	@Override
	public Batch next(Connection connection, @Nullable String cursor, int size) throws SQLException {
		long page;
		long end;
		if (cursor != null) {
			List<String> position = KeyCursor.decode(cursor);
			page = Long.parseLong(position.get(0));
			end = Long.parseLong(position.get(1));
		}
		else {
			page = 0;
			end = pages(connection);
		}
		long next = Math.min(page + size, end);
		String sql = "UPDATE " + this.table + " SET " + this.setClause
				+ " WHERE ctid >= CAST(? AS tid) AND ctid < CAST(? AS tid)" + ((this.where != null) ? " AND (" + this.where + ")" : "");
		int updated;
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, "(" + page + ",0)");
			statement.setString(2, "(" + next + ",0)");
			updated = statement.executeUpdate();
		}
		return new Batch(KeyCursor.encode(List.of(Long.toString(next), Long.toString(end))), updated, size, next >= end);
	}

	private long pages(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::bigint")) {
			statement.setString(1, this.table);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
