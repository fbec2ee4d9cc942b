package dev.stepwise.migration.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** H2: {@code SET LOCK_TIMEOUT}, and blockers from {@code INFORMATION_SCHEMA.SESSIONS}. */
final class H2Dialect extends Dialect {

	private static final int LOCK_TIMEOUT = 50200;

	private static final String BLOCKERS = """
			SELECT SESSION_ID, USER_NAME, SESSION_START, EXECUTING_STATEMENT
			FROM INFORMATION_SCHEMA.SESSIONS
			WHERE CONTAINS_UNCOMMITTED AND SESSION_ID <> SESSION_ID()
			ORDER BY SESSION_START""";

	H2Dialect() {
		super(DatabaseType.H2);
	}

	@Override
	public String storedName(String identifier) {
		return identifier.equals(identifier.toLowerCase(Locale.ROOT)) ? identifier.toUpperCase(Locale.ROOT) : identifier;
	}

	@Override
	public boolean commitsImplicitly(String statement) {
		return ImplicitCommit.isDdl(statement);
	}

	@Override
	public boolean ddlAutoCommits() {
		return true;
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT CURRENT_SCHEMA")) {
			result.next();
			return result.getString(1);
		}
	}

	@Override
	public void createSchemaIfAbsent(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
		}
	}

	@Override
	public SessionSetting applyLockTimeout(Connection connection, Duration timeout) throws SQLException {
		long previous;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'LOCK_TIMEOUT'")) {
			previous = result.next() ? Long.parseLong(result.getString(1)) : 10000;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCK_TIMEOUT " + Math.max(1, timeout.toMillis()));
		}
		return () -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCK_TIMEOUT " + previous);
			}
		};
	}

	@Override
	public boolean isLockTimeout(SQLException ex) {
		return ex.getErrorCode() == LOCK_TIMEOUT;
	}

	@Override
	public @Nullable String describeBlockers(Connection connection) {
		List<String> sessions = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(BLOCKERS)) {
			while (result.next()) {
				sessions.add("session " + result.getInt(1) + " (user " + result.getString(2) + ", started "
						+ result.getString(3) + ", statement: " + result.getString(4) + ")");
			}
		}
		catch (SQLException ex) {
			return null;
		}
		return sessions.isEmpty() ? null : String.join("; ", sessions);
	}

}
