package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.dialect.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * The {@code stepwise_expansions} table: one row per column change in flight or done. The
 * H2 sync trigger reads its configuration from it too.
 */
final class ExpansionStore {

	static final String TABLE = "stepwise_expansions";

	static final String COLUMNS = "id, operation, table_name, old_column, new_column, old_type, new_type, to_new, to_old,"
			+ " old_not_null, expand_version, state, trigger_name, contract_requested, old_default, new_default, carried_indexes";

	private final DatabaseType type;

	ExpansionStore(DatabaseType type) {
		this.type = type;
	}

	void createIfMissing(Connection connection) throws SQLException {
		String timestamp = this.type.isMySqlFamily() ? "DATETIME(3)" : "TIMESTAMP";
		String text = (this.type == DatabaseType.H2) ? "CHARACTER VARYING" : "TEXT";
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id VARCHAR(200) NOT NULL PRIMARY KEY,"
					+ " operation VARCHAR(30) NOT NULL, table_name VARCHAR(200) NOT NULL, old_column VARCHAR(200) NOT NULL,"
					+ " new_column VARCHAR(200) NOT NULL, old_type VARCHAR(200) NOT NULL, new_type VARCHAR(200) NOT NULL,"
					+ " to_new VARCHAR(2000) NOT NULL, to_old VARCHAR(2000) NOT NULL, old_not_null SMALLINT NOT NULL,"
					+ " expand_version VARCHAR(100) NOT NULL, state VARCHAR(20) NOT NULL, trigger_name VARCHAR(100) NOT NULL,"
					+ " contract_requested SMALLINT NOT NULL, old_default " + text + ", new_default " + text + ","
					+ " carried_indexes " + text + ", changed_at " + timestamp + " NOT NULL)");
		}
	}

	@Nullable ExpansionRecord find(Connection connection, String id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?")) {
			statement.setString(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? read(rows) : null;
			}
		}
	}

	List<ExpansionRecord> all(Connection connection) throws SQLException {
		List<ExpansionRecord> all = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY changed_at, id")) {
			while (rows.next()) {
				all.add(read(rows));
			}
		}
		return all;
	}

	void insert(Connection connection, ExpansionRecord expansion) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"INSERT INTO " + TABLE + " (" + COLUMNS + ", changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			statement.setString(1, expansion.id());
			statement.setString(2, expansion.operation().name());
			statement.setString(3, expansion.table());
			statement.setString(4, expansion.oldColumn());
			statement.setString(5, expansion.newColumn());
			statement.setString(6, expansion.oldType());
			statement.setString(7, expansion.newType());
			statement.setString(8, expansion.toNew());
			statement.setString(9, expansion.toOld());
			statement.setInt(10, expansion.oldNotNull() ? 1 : 0);
			statement.setString(11, expansion.expandVersion());
			statement.setString(12, expansion.state().name());
			statement.setString(13, expansion.triggerName());
			statement.setInt(14, expansion.contractRequested() ? 1 : 0);
			statement.setString(15, expansion.oldDefault());
			statement.setString(16, expansion.newDefault());
			statement.setString(17, CarriedIndex.encode(expansion.indexes()));
			statement.setTimestamp(18, Timestamp.from(Instant.now()));
			statement.executeUpdate();
		}
	}

	/** Sets the state, and whether a contract waits to be retried. */
	void updateState(Connection connection, String id, ExpansionState state, boolean contractRequested)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"UPDATE " + TABLE + " SET state = ?, contract_requested = ?, changed_at = ? WHERE id = ?")) {
			statement.setString(1, state.name());
			statement.setInt(2, contractRequested ? 1 : 0);
			statement.setTimestamp(3, Timestamp.from(Instant.now()));
			statement.setString(4, id);
			statement.executeUpdate();
		}
	}

	void delete(Connection connection, String id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
			statement.setString(1, id);
			statement.executeUpdate();
		}
	}

	static ExpansionRecord read(ResultSet rows) throws SQLException {
		return new ExpansionRecord(rows.getString("id"), ChangeOperation.valueOf(rows.getString("operation")),
				rows.getString("table_name"), rows.getString("old_column"), rows.getString("new_column"),
				rows.getString("old_type"), rows.getString("new_type"), rows.getString("to_new"), rows.getString("to_old"),
				rows.getInt("old_not_null") == 1, rows.getString("expand_version"),
				ExpansionState.valueOf(rows.getString("state")), rows.getString("trigger_name"),
				rows.getInt("contract_requested") == 1, rows.getString("old_default"), rows.getString("new_default"),
				CarriedIndex.decode(Objects.requireNonNullElse(rows.getString("carried_indexes"), "")));
	}

}
