package dev.stepwise.migration.internal.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.dialect.Instants;
import dev.stepwise.migration.internal.dialect.StateTables;
import org.jspecify.annotations.Nullable;

/**
 * The history table: what ran, when, by whom, and what was rolled back. Read once per run
 * (rows in rank order), then appended to as migrations run; a rollback marks its row
 * instead of deleting it.
 */
public final class HistoryTable {

	private static final Set<String> USER_OBJECTS = Set.of("TABLE", "BASE TABLE", "VIEW", "MATERIALIZED VIEW",
			"PARTITIONED TABLE", "FOREIGN TABLE");

	private static final String COLUMNS = "installed_rank, version, description, type, script, checksum,"
			+ " installed_by, installed_on, execution_time, success, rolled_back_by, rolled_back_on, rollback_script";

	private final Dialect dialect;

	private final String schema;

	private final String table;

	private final String qualifiedName;

	/** {@link #COLUMNS} as {@link #row} reads them: the instants as numbers, which a fresh JVM reads faster. */
	private final String selected;

	public HistoryTable(Dialect dialect, String schema, String table) {
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
		this.qualifiedName = dialect.quote(schema) + "." + dialect.quote(dialect.storedName(table));
		DatabaseType type = dialect.type();
		this.selected = COLUMNS.replace("installed_on", Instants.epochMicros(type, "installed_on"))
			.replace("rolled_back_on", Instants.epochMicros(type, "rolled_back_on"));
	}

	public String schema() {
		return this.schema;
	}

	public String table() {
		return this.table;
	}

	/** The table's name as shown to people. */
	public String name() {
		return this.schema + "." + this.table;
	}

	/**
	 * Reads every row in rank order, or returns {@code null} when the table does not exist.
	 * Tries the SELECT first because on a started-up application the table is there, and
	 * one round trip is the whole cost of the check.
	 */
	public @Nullable List<AppliedMigration> readIfExists(Connection connection) throws SQLException {
		try {
			return read(connection);
		}
		catch (SQLException ex) {
			rollbackIfNeeded(connection);
			if (!exists(connection)) {
				return null;
			}
			// Another instance created the table between the SELECT and the look-up.
			return read(connection);
		}
	}

	private List<AppliedMigration> read(Connection connection) throws SQLException {
		List<AppliedMigration> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT " + this.selected + " FROM " + this.qualifiedName + " ORDER BY installed_rank")) {
			while (result.next()) {
				rows.add(row(result));
			}
		}
		return rows;
	}

	/** A row of {@link #selected}, read by position. */
	private static AppliedMigration row(ResultSet result) throws SQLException {
		String version = result.getString(2);
		int checksum = result.getInt(6);
		boolean checksumNull = result.wasNull();
		return new AppliedMigration(result.getInt(1), (version != null) ? MigrationVersion.parse(version) : null,
				result.getString(3), MigrationType.valueOf(result.getString(4)), result.getString(5),
				checksumNull ? null : checksum, result.getString(7),
				Objects.requireNonNull(Instants.getEpochMicros(result, 8)), Duration.ofMillis(result.getLong(9)),
				result.getBoolean(10), result.getString(11), Instants.getEpochMicros(result, 12), result.getString(13));
	}

	/** Whether the table exists, from the catalogue. */
	public boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.schema, this.table);
	}

	/**
	 * The tables and views of the schema other than Stepwise's own, that is, what was built
	 * before Stepwise came.
	 * @param stateTables the names of Stepwise's state tables besides this one; each may also
	 * have a {@code _lock} table (H2's run lock)
	 * @return their names, sorted
	 */
	public List<String> otherTables(Connection connection, Collection<String> stateTables) throws SQLException {
		Set<String> own = new HashSet<>();
		for (String name : stateTables) {
			own.add(name.toLowerCase(Locale.ROOT));
			own.add(name.toLowerCase(Locale.ROOT) + "_lock");
		}
		own.add(this.table.toLowerCase(Locale.ROOT));
		own.add(this.table.toLowerCase(Locale.ROOT) + "_lock");
		List<String> found = new ArrayList<>();
		try (ResultSet tables = connection.getMetaData()
			.getTables(this.dialect.metaDataCatalog(this.schema), this.dialect.metaDataSchema(this.schema), "%", null)) {
			while (tables.next()) {
				String name = tables.getString("TABLE_NAME");
				// Indexes, sequences and system views are listed too by some drivers: only a table
				// or a view is a schema someone built.
				if (USER_OBJECTS.contains(String.valueOf(tables.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT))
						&& !own.contains(name.toLowerCase(Locale.ROOT))) {
					found.add(name);
				}
			}
		}
		Collections.sort(found);
		return found;
	}

	/** Creates the table (and its schema) if it does not exist, with the DDL of every state table. */
	public void createIfAbsent(Connection connection) throws SQLException {
		new StateTables(this.dialect, this.schema).createIfAbsent(connection, this.table);
		ensureFence(connection);
	}

	/**
	 * Makes sure the database refuses a second row in effect for one version, as a run that
	 * lost its lock would write; rows rolled back or failed are not counted.
	 */
	public void ensureFence(Connection connection) throws SQLException {
		new LiveVersionFence(this.dialect, this.schema, this.table, this.qualifiedName).ensure(connection);
		commitIfNeeded(connection);
	}

	/**
	 * Turns the FAILED row written before a migration's first statement into its record of
	 * success; the caller commits it with the migration's work.
	 * @throws SQLException if the row is gone, or another row records the version in effect
	 */
	public void markSucceeded(Connection connection, int installedRank, Instant on, Duration executionTime)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualifiedName
				+ " SET success = ?, installed_on = ?, execution_time = ? WHERE installed_rank = ? AND success = ?")) {
			statement.setBoolean(1, true);
			Instants.set(this.dialect.type(), statement, 2, on);
			statement.setLong(3, executionTime.toMillis());
			statement.setInt(4, installedRank);
			statement.setBoolean(5, false);
			if (statement.executeUpdate() != 1) {
				throw new SQLException("The history row " + installedRank + " that marks the migration as started"
						+ " is gone from " + name() + ": another run removed it (repair()) while this one ran");
			}
		}
	}

	/** Deletes a FAILED row, such as the start marker of a migration that took no effect. */
	public void deleteFailed(Connection connection, int installedRank) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"DELETE FROM " + this.qualifiedName + " WHERE installed_rank = ? AND success = ?")) {
			statement.setInt(1, installedRank);
			statement.setBoolean(2, false);
			statement.executeUpdate();
		}
	}

	/** Appends a row; the caller commits it with the migration's work. */
	public void append(Connection connection, AppliedMigration row) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"INSERT INTO " + this.qualifiedName + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			statement.setInt(1, row.installedRank());
			statement.setString(2, (row.version() != null) ? row.version().toString() : null);
			statement.setString(3, truncate(row.description(), 200));
			statement.setString(4, row.type().name());
			statement.setString(5, truncate(row.script(), 1000));
			if (row.checksum() != null) {
				statement.setInt(6, row.checksum());
			}
			else {
				statement.setNull(6, Types.INTEGER);
			}
			statement.setString(7, truncate(row.installedBy(), 100));
			Instants.set(this.dialect.type(), statement, 8, row.installedOn());
			statement.setLong(9, row.executionTime().toMillis());
			statement.setBoolean(10, row.success());
			statement.setString(11, null);
			statement.setNull(12, Types.TIMESTAMP);
			statement.setString(13, null);
			statement.executeUpdate();
		}
	}

	/** Marks a row as rolled back; the caller commits it with the undo's work. */
	public void markRolledBack(Connection connection, int installedRank, String by, Instant on, String script)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualifiedName
				+ " SET rolled_back_by = ?, rolled_back_on = ?, rollback_script = ? WHERE installed_rank = ?")) {
			statement.setString(1, truncate(by, 100));
			Instants.set(this.dialect.type(), statement, 2, on);
			statement.setString(3, truncate(script, 1000));
			statement.setInt(4, installedRank);
			statement.executeUpdate();
		}
	}

	/**
	 * Marks a row whose rollback failed after part of the undo took effect: no longer
	 * successful, with who tried, when and with what, so that the next run refuses until a
	 * person has looked.
	 */
	public void markRollbackFailed(Connection connection, int installedRank, String by, Instant on, String script)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualifiedName
				+ " SET success = ?, rolled_back_by = ?, rolled_back_on = ?, rollback_script = ?"
				+ " WHERE installed_rank = ?")) {
			statement.setBoolean(1, false);
			statement.setString(2, truncate(by, 100));
			Instants.set(this.dialect.type(), statement, 3, on);
			statement.setString(4, truncate(script, 1000));
			statement.setInt(5, installedRank);
			statement.executeUpdate();
		}
	}

	/**
	 * Settles a failed rollback as a person reports it: rolled back (the undo was finished by
	 * hand) or applied (what the undo dropped was restored).
	 */
	public void settleFailedRollback(Connection connection, int installedRank, boolean rolledBack, String by,
			Instant on) throws SQLException {
		String set = rolledBack ? "success = ?, rolled_back_by = ?, rolled_back_on = ?"
				: "success = ?, rolled_back_by = NULL, rolled_back_on = NULL, rollback_script = NULL";
		try (PreparedStatement statement = connection
			.prepareStatement("UPDATE " + this.qualifiedName + " SET " + set + " WHERE installed_rank = ?")) {
			statement.setBoolean(1, true);
			int next = 2;
			if (rolledBack) {
				statement.setString(next++, truncate(by, 100));
				Instants.set(this.dialect.type(), statement, next++, on);
			}
			statement.setInt(next, installedRank);
			statement.executeUpdate();
		}
	}

	/**
	 * Deletes the rows of failed migrations; a row whose rollback failed stays, since
	 * deleting it would make its half-undone migration pending again.
	 */
	public int deleteFailed(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"DELETE FROM " + this.qualifiedName + " WHERE success = ? AND rollback_script IS NULL")) {
			statement.setBoolean(1, false);
			return statement.executeUpdate();
		}
	}

	/** Replaces the checksum recorded for a row. */
	public void updateChecksum(Connection connection, int installedRank, @Nullable Integer checksum)
			throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("UPDATE " + this.qualifiedName + " SET checksum = ? WHERE installed_rank = ?")) {
			if (checksum != null) {
				statement.setInt(1, checksum);
			}
			else {
				statement.setNull(1, Types.INTEGER);
			}
			statement.setInt(2, installedRank);
			statement.executeUpdate();
		}
	}

	private static @Nullable String truncate(@Nullable String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

	private static void commitIfNeeded(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	private static void rollbackIfNeeded(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.rollback();
		}
	}

}
