package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * Walks a table in key order, one key range per batch.
 * <ol>
 * <li>The batch's upper bound is the key {@code size} rows after the cursor
 * ({@code ORDER BY key LIMIT 1 OFFSET size - 1}), read from the key's index.</li>
 * <li>The rows in {@code (cursor, upper]} are updated: by one UPDATE when every column is
 * an SQL expression, else read with {@code FOR UPDATE}, computed in Java and updated by
 * key in one JDBC batch.</li>
 * <li>When no upper bound exists the batch takes everything after the cursor and is the
 * last one.</li>
 * </ol>
 * A walker may end at a key ({@link #endingAt}): one of several workers then walks only
 * its part of the key range.
 */
final class KeysetWalker implements BatchWalker {

	private final DatabaseType type;

	private final BackfillTarget target;

	private final Assignments assignments;

	private final @Nullable String where;

	private final @Nullable List<String> end;

	private final String table;

	private final String keyList;

	KeysetWalker(DatabaseType type, BackfillTarget target, Assignments assignments, @Nullable String where) {
		this(type, target, assignments, where, null);
	}

	private KeysetWalker(DatabaseType type, BackfillTarget target, Assignments assignments, @Nullable String where,
			@Nullable List<String> end) {
		this.type = type;
		this.target = target;
		this.assignments = assignments;
		this.where = where;
		this.end = end;
		this.table = type.quote(target.table());
		this.keyList = target.key().stream().map((column) -> type.quote(column.name())).collect(Collectors.joining(", "));
	}

	/** The same walk, stopping after {@code end} (a cursor), or at the table's end if {@code null}. */
	KeysetWalker endingAt(@Nullable String end) {
		return new KeysetWalker(this.type, this.target, this.assignments, this.where,
				(end != null) ? KeyCursor.decode(end) : null);
	}

	/**
	 * Cursors that split the key range into {@code parts} parts of equal width, or an empty
	 * list when it cannot be split: a key that is not one integer column, or a table too
	 * small to be worth it.
	 * @param connection the connection
	 * @param parts how many parts
	 * @param minimumWidth the fewest keys a part must span
	 * @return the {@code parts - 1} cursors between the parts, in order
	 */
	List<String> splitPoints(Connection connection, int parts, long minimumWidth) throws SQLException {
		if (parts < 2 || this.target.key().size() != 1 || this.target.key().get(0).kind() != KeyColumn.Kind.INTEGER) {
			return List.of();
		}
		long lowest;
		long highest;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT MIN(" + this.keyList + "), MAX(" + this.keyList + ") FROM " + this.table)) {
			rows.next();
			lowest = rows.getLong(1);
			highest = rows.getLong(2);
			if (rows.wasNull()) {
				return List.of();
			}
		}
		double width = ((double) highest - lowest) / parts;
		if (width < minimumWidth) {
			return List.of();
		}
		List<String> points = new ArrayList<>();
		for (int i = 1; i < parts; i++) {
			points.add(KeyCursor.encode(List.of(Long.toString(lowest + (long) (width * i)))));
		}
		return points;
	}

	@Override
	public Batch next(Connection connection, @Nullable String cursor, int size) throws SQLException {
		List<String> lower = (cursor != null) ? KeyCursor.decode(cursor) : null;
		List<String> upper = upperBound(connection, lower, size);
		long walked = (upper != null) ? size : countAfter(connection, lower);
		if (this.assignments.needsRows()) {
			updateRowByRow(connection, lower, upper);
		}
		else {
			updateRange(lower, upper).executeUpdate(connection);
		}
		return (upper != null) ? new Batch(KeyCursor.encode(upper), walked, size, false) : new Batch(cursor, walked, size, true);
	}

	/** Whether each batch is one UPDATE, which {@link PipelinedBatchRunner} can send with the rest of its batch. */
	boolean updatesInSql() {
		return !this.assignments.needsRows();
	}

	/** The key {@code size} rows after {@code lower}, or {@code null} when fewer rows remain. */
	@Nullable List<String> upperBound(Connection connection, @Nullable List<String> lower, int size) throws SQLException {
		BoundSql query = upperBoundQuery(lower, size);
		try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
			query.bind(statement, 1);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? readKey(rows) : null;
			}
		}
	}

	/** A query of one row: the key {@code size} rows after {@code lower}, read from the key's index. */
	BoundSql upperBoundQuery(@Nullable List<String> lower, int size) {
		BoundSql range = range(lower, null, false);
		List<BoundSql.Parameter> parameters = new ArrayList<>(range.parameters());
		parameters.add((statement, index) -> statement.setInt(index, size - 1));
		return new BoundSql("SELECT " + this.keyList + " FROM " + this.table + range.sql() + " ORDER BY " + this.keyList
				+ " LIMIT 1 OFFSET ?", parameters);
	}

	/** Reads a key from the current row of a result whose columns are the key's, in order. */
	List<String> readKey(ResultSet rows) throws SQLException {
		List<String> key = new ArrayList<>();
		for (int i = 0; i < this.target.key().size(); i++) {
			key.add(this.target.key().get(i).read(rows, i + 1));
		}
		return key;
	}

	private long countAfter(Connection connection, @Nullable List<String> lower) throws SQLException {
		BoundSql range = range(lower, null, false);
		try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + this.table + range.sql())) {
			range.bind(statement, 1);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/** One UPDATE of the rows in {@code (lower, upper]}, open-ended where a bound is {@code null}. */
	BoundSql updateRange(@Nullable List<String> lower, @Nullable List<String> upper) {
		BoundSql range = range(lower, upper, true);
		return new BoundSql("UPDATE " + this.table + " SET " + this.assignments.setClause(this.type) + range.sql() + " "
				+ LockWaiters.BATCH_MARK, range.parameters());
	}

	private void updateRowByRow(Connection connection, @Nullable List<String> lower, @Nullable List<String> upper)
			throws SQLException {
		BoundSql range = range(lower, upper, true);
		String select = "SELECT * FROM " + this.table + range.sql() + " ORDER BY " + this.keyList + " FOR UPDATE "
				+ LockWaiters.BATCH_MARK;
		String update = "UPDATE " + this.table + " SET " + this.assignments.setClause(this.type) + " WHERE "
				+ this.target.key().stream().map((column) -> this.type.quote(column.name()) + " = ?").collect(Collectors.joining(" AND "))
				+ " " + LockWaiters.BATCH_MARK;
		try (PreparedStatement query = connection.prepareStatement(select);
				PreparedStatement write = connection.prepareStatement(update)) {
			range.bind(query, 1);
			int pending = 0;
			try (ResultSet rows = query.executeQuery()) {
				ResultSetMetaData metaData = rows.getMetaData();
				while (rows.next()) {
					Map<String, @Nullable Object> values = new LinkedHashMap<>();
					for (int i = 1; i <= metaData.getColumnCount(); i++) {
						values.put(metaData.getColumnLabel(i), rows.getObject(i));
					}
					BackfillRow row = new BackfillRow(values);
					int parameter = 1;
					for (RowFunction function : this.assignments.functions().values()) {
						write.setObject(parameter++, function.apply(row));
					}
					for (KeyColumn column : this.target.key()) {
						column.bind(write, parameter++, column.read(rows, rows.findColumn(column.name())));
					}
					write.addBatch();
					pending++;
				}
			}
			if (pending > 0) {
				write.executeBatch();
			}
		}
	}

	/**
	 * {@code WHERE key > lower AND key <= upper AND (where)}, each part only when present;
	 * without an upper bound, the walker's end bounds the range instead.
	 */
	private BoundSql range(@Nullable List<String> lower, @Nullable List<String> upper, boolean filtered) {
		List<String> conditions = new ArrayList<>();
		List<BoundSql.Parameter> parameters = new ArrayList<>();
		if (lower != null) {
			conditions.add(keyExpression() + " > " + markers());
			parameters.addAll(keyParameters(lower));
		}
		List<String> last = (upper != null) ? upper : this.end;
		if (last != null) {
			conditions.add(keyExpression() + " <= " + markers());
			parameters.addAll(keyParameters(last));
		}
		if (filtered && this.where != null) {
			conditions.add("(" + this.where + ")");
		}
		return new BoundSql(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
	}

	/** A single column, or a row value {@code (a, b)} compared as a whole. */
	private String keyExpression() {
		return (this.target.key().size() == 1) ? this.keyList : "(" + this.keyList + ")";
	}

	private String markers() {
		String marks = this.target.key().stream().map((column) -> "?").collect(Collectors.joining(", "));
		return (this.target.key().size() == 1) ? marks : "(" + marks + ")";
	}

	private List<BoundSql.Parameter> keyParameters(List<String> key) {
		List<BoundSql.Parameter> parameters = new ArrayList<>();
		for (int i = 0; i < key.size(); i++) {
			KeyColumn column = this.target.key().get(i);
			String value = key.get(i);
			parameters.add((statement, index) -> column.bind(statement, index, value));
		}
		return parameters;
	}

}
