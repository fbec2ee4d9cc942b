package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.ChangeOperation;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.internal.dialect.Instants;
import dev.stepwise.migration.internal.dialect.StateTables;
import org.jspecify.annotations.Nullable;

/**
 * The {@code stepwise_expansions} table: one row per column change in flight or done. The
 * H2 sync trigger reads its configuration from it too.
 */
final class ExpansionStore {

	static final String TABLE = StateTables.EXPANSIONS;

	static final String COLUMNS = "id, operation, table_name, old_column, new_column, old_type, new_type, to_new, to_old,"
			+ " old_not_null, expand_version, state, trigger_name, contract_requested, old_default, new_default, carried_indexes";

	private final StateTables tables;

	private final String table;

	ExpansionStore(StateTables tables) {
		this.tables = tables;
		this.table = tables.qualified(TABLE);
	}

	/** Creates the table when missing: for writers only. */
	void createIfMissing(Connection connection) throws SQLException {
		this.tables.createIfAbsent(connection, TABLE);
	}

	/** Whether the table exists; readers report a missing one as no expansion at all. */
	boolean exists(Connection connection) throws SQLException {
		return this.tables.exists(connection, TABLE);
	}

	@Nullable ExpansionRecord find(Connection connection, String id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + this.table + " WHERE id = ?")) {
			statement.setString(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? read(rows) : null;
			}
		}
	}

	List<ExpansionRecord> all(Connection connection) throws SQLException {
		List<ExpansionRecord> all = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM " + this.table + " ORDER BY changed_at, id")) {
			while (rows.next()) {
				all.add(read(rows));
			}
		}
		return all;
	}

	void insert(Connection connection, ExpansionRecord expansion) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"INSERT INTO " + this.table + " (" + COLUMNS + ", changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
			Instants.set(this.tables.type(), statement, 18, Instant.now());
			statement.executeUpdate();
		}
	}

	/** Sets the state, and whether a contract waits to be retried. */
	void updateState(Connection connection, String id, ExpansionState state, boolean contractRequested)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"UPDATE " + this.table + " SET state = ?, contract_requested = ?, changed_at = ? WHERE id = ?")) {
			statement.setString(1, state.name());
			statement.setInt(2, contractRequested ? 1 : 0);
			Instants.set(this.tables.type(), statement, 3, Instant.now());
			statement.setString(4, id);
			statement.executeUpdate();
		}
	}

	void delete(Connection connection, String id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + this.table + " WHERE id = ?")) {
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
