package dev.stepwise.migration.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * MySQL and MariaDB: backtick quoting, {@code lock_wait_timeout} (whole seconds) for
 * metadata locks, and blockers from {@code information_schema.INNODB_TRX}.
 */
final class MySqlDialect extends Dialect {

	private static final int LOCK_WAIT_TIMEOUT = 1205;

	private static final String BLOCKERS = """
			SELECT p.ID, p.USER, p.HOST, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS open_seconds,
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
	public String quote(String identifier) {
		return '`' + identifier.replace("`", "``") + '`';
	}

	@Override
	public boolean commitsImplicitly(String statement) {
		return ImplicitCommit.isDdl(statement);
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT DATABASE()")) {
			result.next();
			return result.getString(1);
		}
	}

	@Override
	public void createSchemaIfAbsent(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS " + quote(schema));
		}
	}

	@Override
	public String timestampType() {
		return "DATETIME(3)";
	}

	@Override
	public SessionSetting applyLockTimeout(Connection connection, Duration timeout) throws SQLException {
		long previous;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT @@SESSION.lock_wait_timeout")) {
			result.next();
			previous = result.getLong(1);
		}
		// lock_wait_timeout counts whole seconds; round up so a short timeout is never zero.
		long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION lock_wait_timeout = " + seconds);
		}
		return () -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION lock_wait_timeout = " + previous);
			}
		};
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
	public @Nullable String describeBlockers(Connection connection) {
		List<String> sessions = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(BLOCKERS)) {
			while (result.next()) {
				sessions.add("connection " + result.getLong("ID") + " (user " + result.getString("USER") + ", client "
						+ result.getString("HOST") + ", transaction open for " + result.getLong("open_seconds")
						+ " s, last query: " + result.getString("query") + ")");
			}
		}
		catch (SQLException ex) {
			return null;
		}
		return sessions.isEmpty() ? null : String.join("; ", sessions);
	}

}
