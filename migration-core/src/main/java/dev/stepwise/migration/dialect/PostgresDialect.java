package dev.stepwise.migration.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** PostgreSQL: {@code lock_timeout}, and blockers from {@code pg_locks}. */
final class PostgresDialect extends Dialect {

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	// Sessions of this database with an open transaction that holds a lock on a user
	// table: the usual suspects when DDL cannot get its ACCESS EXCLUSIVE lock.
	private static final String BLOCKERS = """
			SELECT a.pid, a.application_name, a.client_addr, a.usename,
			       EXTRACT(EPOCH FROM now() - a.xact_start)::bigint AS open_seconds,
			       string_agg(DISTINCT c.relname, ', ') AS tables, left(a.query, 200) AS query
			FROM pg_locks l
			JOIN pg_stat_activity a ON a.pid = l.pid
			JOIN pg_class c ON c.oid = l.relation
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE l.granted AND l.pid <> pg_backend_pid() AND a.datname = current_database()
			  AND a.xact_start IS NOT NULL AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			GROUP BY a.pid, a.application_name, a.client_addr, a.usename, a.xact_start, a.query
			ORDER BY a.xact_start
			LIMIT 5""";

	PostgresDialect() {
		super(DatabaseType.POSTGRESQL);
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_schema()")) {
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
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
		}
		return () -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("RESET lock_timeout");
			}
		};
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
	public @Nullable String describeBlockers(Connection connection) {
		List<String> sessions = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(BLOCKERS)) {
			while (result.next()) {
				sessions.add("pid " + result.getInt("pid") + " (application '" + result.getString("application_name")
						+ "', client " + result.getString("client_addr") + ", user " + result.getString("usename")
						+ ", transaction open for " + result.getLong("open_seconds") + " s, holding locks on "
						+ result.getString("tables") + ", last query: " + result.getString("query") + ")");
			}
		}
		catch (SQLException ex) {
			return null;
		}
		return sessions.isEmpty() ? null : String.join("; ", sessions);
	}

}
