package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.stepwise.migration.dialect.DatabaseType;
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
 */
final class KeysetWalker implements BatchWalker {

	private final DatabaseType type;

	private final BackfillTarget target;

	private final Assignments assignments;

	private final @Nullable String where;

	private final String table;

	private final String keyList;

	KeysetWalker(DatabaseType type, BackfillTarget target, Assignments assignments, @Nullable String where) {
		this.type = type;
		this.target = target;
		this.assignments = assignments;
		this.where = where;
		this.table = SqlNames.quote(type, target.table());
		this.keyList = target.key().stream().map((column) -> SqlNames.quote(type, column.name())).collect(Collectors.joining(", "));
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
		List<BoundSql.Parameter> parameters = new ArrayList<>(keyParameters(lower));
		parameters.add((statement, index) -> statement.setInt(index, size - 1));
		return new BoundSql("SELECT " + this.keyList + " FROM " + this.table + ((lower != null) ? " WHERE " + after() : "")
				+ " ORDER BY " + this.keyList + " LIMIT 1 OFFSET ?", parameters);
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
		String sql = "SELECT COUNT(*) FROM " + this.table + ((lower != null) ? " WHERE " + after() : "");
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bindKey(statement, 1, lower);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/** One UPDATE of the rows in {@code (lower, upper]}, open-ended where a bound is {@code null}. */
	BoundSql updateRange(@Nullable List<String> lower, @Nullable List<String> upper) {
		List<BoundSql.Parameter> parameters = new ArrayList<>(keyParameters(lower));
		parameters.addAll(keyParameters(upper));
		return new BoundSql("UPDATE " + this.table + " SET " + this.assignments.setClause(this.type) + range(lower, upper),
				parameters);
	}

	private void updateRowByRow(Connection connection, @Nullable List<String> lower, @Nullable List<String> upper)
			throws SQLException {
		String select = "SELECT * FROM " + this.table + range(lower, upper) + " ORDER BY " + this.keyList + " FOR UPDATE";
		String update = "UPDATE " + this.table + " SET " + this.assignments.setClause(this.type) + " WHERE "
				+ this.target.key().stream().map((column) -> SqlNames.quote(this.type, column.name()) + " = ?").collect(Collectors.joining(" AND "));
		try (PreparedStatement query = connection.prepareStatement(select);
				PreparedStatement write = connection.prepareStatement(update)) {
			int index = bindKey(query, 1, lower);
			bindKey(query, index, upper);
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

	/** {@code WHERE key > lower AND key <= upper AND (where)}, each part only when present. */
	private String range(@Nullable List<String> lower, @Nullable List<String> upper) {
		List<String> conditions = new ArrayList<>();
		if (lower != null) {
			conditions.add(after());
		}
		if (upper != null) {
			conditions.add(keyExpression() + " <= " + parameters());
		}
		if (this.where != null) {
			conditions.add("(" + this.where + ")");
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private String after() {
		return keyExpression() + " > " + parameters();
	}

	/** A single column, or a row value {@code (a, b)} compared as a whole. */
	private String keyExpression() {
		return (this.target.key().size() == 1) ? this.keyList : "(" + this.keyList + ")";
	}

	private String parameters() {
		String marks = this.target.key().stream().map((column) -> "?").collect(Collectors.joining(", "));
		return (this.target.key().size() == 1) ? marks : "(" + marks + ")";
	}

	private int bindKey(PreparedStatement statement, int start, @Nullable List<String> key) throws SQLException {
		int index = start;
		for (BoundSql.Parameter parameter : keyParameters(key)) {
			parameter.bind(statement, index++);
		}
		return index;
	}

	private List<BoundSql.Parameter> keyParameters(@Nullable List<String> key) {
		if (key == null) {
			return List.of();
		}
		List<BoundSql.Parameter> parameters = new ArrayList<>();
		for (int i = 0; i < key.size(); i++) {
			KeyColumn column = this.target.key().get(i);
			String value = key.get(i);
			parameters.add((statement, index) -> column.bind(statement, index, value));
		}
		return parameters;
	}

}
