package dev.stepwise.migration.internal.dialect;

import dev.stepwise.migration.api.DatabaseType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * MySQL and MariaDB: backtick quoting, {@code lock_wait_timeout} (whole seconds) for
 * metadata locks, and blockers from {@code information_schema.INNODB_TRX}.
 */
final class MySqlDialect extends Dialect {

	private static final int LOCK_WAIT_TIMEOUT = 1205;

	private static final String BLOCKERS = """
			SELECT p.ID, p.USER, p.HOST, p.COMMAND, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS open_seconds,
			       LEFT(COALESCE(t.trx_query, p.INFO, ''), 200) AS query
			FROM information_schema.INNODB_TRX t
			JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
			WHERE p.ID <> CONNECTION_ID()
			ORDER BY t.trx_started
			LIMIT 5""";

	MySqlDialect(DatabaseType type) {
		super(type);
	}

	@Override
	String currentSchemaQuery() {
		return "SELECT DATABASE()";
	}

	@Override
	public String timestampType() {
		return "DATETIME(3)";
	}

	@Override
	String lockTimeoutQuery() {
		return "SELECT @@SESSION.lock_wait_timeout";
	}

	@Override
	String lockTimeoutStatement(String value) {
		return "SET SESSION lock_wait_timeout = " + Long.parseLong(value);
	}

	// lock_wait_timeout counts whole seconds; round up so that a short timeout is never zero.
	@Override
	String lockTimeoutValue(Duration timeout) {
		return String.valueOf(Math.max(1, (timeout.toMillis() + 999) / 1000));
	}

	@Override
	public boolean isLockTimeout(SQLException ex) {
		return ex.getErrorCode() == LOCK_WAIT_TIMEOUT;
	}

	@Override
	public boolean ddlAutoCommits() {
		return true;
	}

	@Override
	String blockersQuery() {
		return BLOCKERS;
	}

	@Override
	String describeBlocker(ResultSet session) throws SQLException {
		return "connection " + session.getLong("ID") + " (user " + session.getString("USER") + ", client "
				+ session.getString("HOST") + ", " + session.getString("COMMAND") + ", transaction open for " + session.getLong("open_seconds")
				+ " s, last query: " + session.getString("query") + ")";
	}

}
