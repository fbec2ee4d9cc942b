package dev.stepwise.migration.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The floor's history table, shaped like Stepwise's so that both write and read the same
 * bytes: created once, one row inserted per migration, read with one SELECT.
 */
final class FloorHistory {

	static final String TABLE = "stepwise_history";

	private static final String COLUMNS = "installed_rank, version, description, type, script, checksum,"
			+ " installed_by, installed_on, execution_time, success, rolled_back_by, rolled_back_on, rollback_script";

	/**
	 * The columns as read: the instants as microseconds since the epoch, as Stepwise reads them,
	 * since a fresh JVM parses a number far faster than a timestamp.
	 */
	private static final String SELECTED = COLUMNS.replace("installed_on", epochMicros("installed_on"))
		.replace("rolled_back_on", epochMicros("rolled_back_on"));

	private FloorHistory() {
	}

	static void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + TABLE + " (installed_rank INT NOT NULL PRIMARY KEY,"
					+ " version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,"
					+ " script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL,"
					+ " installed_on TIMESTAMP NOT NULL, execution_time BIGINT NOT NULL, success BOOLEAN NOT NULL,"
					+ " rolled_back_by VARCHAR(100), rolled_back_on TIMESTAMP, rollback_script VARCHAR(1000))");
		}
	}

	static PreparedStatement prepareInsert(Connection connection) throws SQLException {
		return connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
				+ ") VALUES (?, ?, ?, 'SQL', ?, ?, 'postgres', ?, ?, TRUE, ?, ?, ?)");
	}

	static void insert(PreparedStatement insert, int rank, FloorScripts.Script script, long executionMillis)
			throws SQLException {
		insert.setInt(1, rank);
		insert.setString(2, String.valueOf(script.version()));
		insert.setString(3, script.description());
		insert.setString(4, script.name());
		insert.setInt(5, script.checksum());
		insert.setTimestamp(6, Timestamp.from(Instant.now()));
		insert.setLong(7, executionMillis);
		insert.setNull(8, Types.VARCHAR);
		insert.setNull(9, Types.TIMESTAMP);
		insert.setNull(10, Types.VARCHAR);
		insert.executeUpdate();
	}

	private static String epochMicros(String column) {
		return "CAST(EXTRACT(EPOCH FROM " + column + ") * 1000000 AS BIGINT) AS " + column;
	}

	/** Reads every row, every column, in rank order; returns the checksum recorded per script. */
	static Map<String, Integer> read(Connection connection) throws SQLException {
		Map<String, Integer> checksums = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT " + SELECTED + " FROM " + TABLE + " ORDER BY installed_rank")) {
			while (rows.next()) {
				rows.getInt("installed_rank");
				rows.getString("version");
				rows.getString("description");
				rows.getString("type");
				String script = rows.getString("script");
				int checksum = rows.getInt("checksum");
				rows.getString("installed_by");
				rows.getLong("installed_on");
				rows.getLong("execution_time");
				rows.getBoolean("success");
				rows.getString("rolled_back_by");
				rows.getLong("rolled_back_on");
				rows.getString("rollback_script");
				checksums.put(script, checksum);
			}
		}
		return checksums;
	}

}
