package dev.stepwise.migration.internal.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.stepwise.migration.api.DatabaseType;

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
	public boolean ddlAutoCommits() {
		return true;
	}

	@Override
	String currentSchemaQuery() {
		return "SELECT CURRENT_SCHEMA";
	}

	@Override
	String lockTimeoutQuery() {
		return "SELECT LOCK_TIMEOUT()";
	}

	@Override
	String lockTimeoutStatement(String value) {
		return "SET LOCK_TIMEOUT " + Long.parseLong(value);
	}

	@Override
	String lockTimeoutValue(Duration timeout) {
		return String.valueOf(Math.max(1, timeout.toMillis()));
	}

	@Override
	public boolean isLockTimeout(SQLException ex) {
		return ex.getErrorCode() == LOCK_TIMEOUT;
	}

	@Override
	String blockersQuery() {
		return BLOCKERS;
	}

	@Override
	String describeBlocker(ResultSet session) throws SQLException {
		return "session " + session.getInt(1) + " (user " + session.getString(2) + ", started " + session.getString(3)
				+ ", statement: " + session.getString(4) + ")";
	}

	@Override
	public String textType() {
		return "CHARACTER VARYING";
	}

	@Override
	public int maxIdentifierLength() {
		return 256;
	}

	@Override
	public boolean checksNotNullBeforeTriggers() {
		return true;
	}

	@Override
	public List<String> uniqueWhere(String qualifiedTable, String index, String column, String columnType,
			String condition, String generatedColumn, CatalogCheck generatedColumnExists) {
		return List.of("ALTER TABLE " + qualifiedTable + " ADD COLUMN IF NOT EXISTS " + generatedColumn + " " + columnType
				+ " GENERATED ALWAYS AS (CASE WHEN " + condition + " THEN " + column + " END)",
				"CREATE UNIQUE INDEX IF NOT EXISTS " + index + " ON " + qualifiedTable + " (" + generatedColumn + ")");
	}

}
