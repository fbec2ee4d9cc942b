package dev.stepwise.migration.internal.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/** PostgreSQL: {@code lock_timeout}, and blockers from {@code pg_locks}. */
final class PostgresDialect extends Dialect {

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	// Sessions of this database with an open transaction that holds a lock on a user
	// table: the usual suspects when DDL cannot get its ACCESS EXCLUSIVE lock.
	private static final String BLOCKERS = """
			SELECT a.pid, a.application_name, a.state, a.client_addr, a.usename,
			       EXTRACT(EPOCH FROM now() - a.xact_start)::bigint AS open_seconds,
			       string_agg(DISTINCT c.relname, ', ') AS tables, left(a.query, 200) AS query
			FROM pg_locks l
			JOIN pg_stat_activity a ON a.pid = l.pid
			JOIN pg_class c ON c.oid = l.relation
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE l.granted AND l.pid <> pg_backend_pid() AND a.datname = current_database()
			  AND a.xact_start IS NOT NULL AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			GROUP BY a.pid, a.application_name, a.state, a.client_addr, a.usename, a.xact_start, a.query
			ORDER BY a.xact_start
			LIMIT 5""";

	// How often the server checks, during a long statement, that the engine is still there.
	private static final String CLIENT_CHECK_INTERVAL = "1s";

	PostgresDialect() {
		super(DatabaseType.POSTGRESQL);
	}

	/**
	 * Sets {@code client_connection_check_interval} (PostgreSQL 14 and later; older
	 * servers have no such setting, and are left alone).
	 */
	@Override
	public SessionSetting checkClientConnection(Connection connection) throws SQLException {
		String previous;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT current_setting('client_connection_check_interval', true)")) {
			result.next();
			previous = result.getString(1);
		}
		if (previous == null) {
			return () -> {
			};
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET client_connection_check_interval = '" + CLIENT_CHECK_INTERVAL + "'");
		}
		return () -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET client_connection_check_interval = '" + previous.replace("'", "''") + "'");
			}
		};
	}

	@Override
	String currentSchemaQuery() {
		return "SELECT current_schema()";
	}

	@Override
	String lockTimeoutQuery() {
		return "SHOW lock_timeout";
	}

	@Override
	String lockTimeoutStatement(String value) {
		return "SET lock_timeout = '" + value.replace("'", "''") + "'";
	}

	@Override
	String lockTimeoutValue(Duration timeout) {
		return Math.max(1, timeout.toMillis()) + "ms";
	}

	@Override
	public boolean isLockTimeout(SQLException ex) {
		return LOCK_NOT_AVAILABLE.equals(ex.getSQLState());
	}

	@Override
	public boolean failedStatementAbortsTransaction() {
		return true;
	}

	@Override
	String blockersQuery() {
		return BLOCKERS;
	}

	@Override
	String describeBlocker(ResultSet session) throws SQLException {
		return "pid " + session.getInt("pid") + " (application '" + session.getString("application_name")
				+ "', " + session.getString("state") + ", client " + session.getString("client_addr") + ", user " + session.getString("usename")
				+ ", transaction open for " + session.getLong("open_seconds") + " s, holding locks on "
				+ session.getString("tables") + ", last query: " + session.getString("query") + ")";
	}

	@Override
	public int maxIdentifierLength() {
		return 63;
	}

	@Override
	public boolean buildsIndexesConcurrently() {
		return true;
	}

	/** A partial index. */
	@Override
	public List<String> uniqueWhere(String qualifiedTable, String index, String column, String columnType,
			String condition, String generatedColumn, CatalogCheck generatedColumnExists) {
		return List.of("CREATE UNIQUE INDEX IF NOT EXISTS " + index + " ON " + qualifiedTable + " (" + column + ") WHERE "
				+ condition);
	}

}
