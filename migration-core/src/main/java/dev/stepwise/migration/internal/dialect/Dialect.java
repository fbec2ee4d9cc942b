package dev.stepwise.migration.internal.dialect;

import dev.stepwise.migration.api.DatabaseType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What differs between databases for the engine: identifier quoting, the history table's
 * column types, DDL lock timeouts and how to name the session that blocks a statement.
 * Detected once per engine from {@link DatabaseMetaData}.
 */
public abstract class Dialect {

	private final DatabaseType type;

	Dialect(DatabaseType type) {
		this.type = type;
	}

	/**
	 * The dialect of the database behind a connection.
	 * @param connection an open connection
	 * @return its dialect
	 * @throws SQLException if the metadata cannot be read
	 */
	public static Dialect of(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		return of(DatabaseType.fromProduct(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion()));
	}

	/**
	 * The dialect of a database type, for callers that know the type but hold no connection.
	 * @param type the database type
	 * @return its dialect
	 */
	public static Dialect of(DatabaseType type) {
		return switch (type) {
			case POSTGRESQL -> new PostgresDialect();
			case MYSQL, MARIADB -> new MySqlDialect(type);
			case H2 -> new H2Dialect();
		};
	}

	public DatabaseType type() {
		return this.type;
	}

	/** Quotes an identifier so that no name can inject SQL. */
	public String quote(String identifier) {
		return this.type.quote(identifier);
	}

	/**
	 * The name to create an object under so that users can write it unquoted: H2 folds
	 * unquoted names to upper case, so a lower-case name is stored in upper case there.
	 */
	public String storedName(String identifier) {
		return identifier;
	}

	/**
	 * Whether a statement commits the open transaction by itself (DDL on MySQL, MariaDB
	 * and H2), so that its effect survives a later failure.
	 */
	public boolean commitsImplicitly(String statement) {
		return ddlAutoCommits() && ImplicitCommit.isDdl(statement);
	}

	/**
	 * Whether one of Stepwise's tables exists, from the catalogue. They are created under
	 * {@link #storedName(String)}, so that is the one name to look up.
	 */
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		boolean mysql = this.type.isMySqlFamily();
		try (ResultSet tables = connection.getMetaData()
			.getTables(mysql ? schema : null, mysql ? null : schema, storedName(table), null)) {
			return tables.next();
		}
	}

	/** The schema (database, on MySQL) a connection works in. */
	public String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(currentSchemaQuery())) {
			result.next();
			return result.getString(1);
		}
	}

	/** A query of one row and one column: the schema a connection works in. */
	abstract String currentSchemaQuery();

	/** Creates the schema if it does not exist. */
	public void createSchemaIfAbsent(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE " + (this.type.isMySqlFamily() ? "DATABASE" : "SCHEMA") + " IF NOT EXISTS "
					+ quote(schema));
		}
	}

	/** The column type for instants in the history table. */
	public String timestampType() {
		return "TIMESTAMP WITH TIME ZONE";
	}

	/** The column type for flags in the history table. */
	public String booleanType() {
		return "BOOLEAN";
	}

	/**
	 * Sets how long a statement on this session waits for a lock before it fails.
	 * @return a restorer that puts the previous value back
	 */
	public SessionSetting applyLockTimeout(Connection connection, Duration timeout) throws SQLException {
		String previous;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(lockTimeoutQuery())) {
			result.next();
			previous = result.getString(1);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(lockTimeoutStatement(lockTimeoutValue(timeout)));
		}
		return () -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute(lockTimeoutStatement(previous));
			}
		};
	}

	/**
	 * Makes the server notice a vanished client while a statement of this session runs,
	 * where the database can: without it, a killed application's session keeps its locks
	 * until its statement ends.
	 * @return a restorer that puts the previous value back
	 */
	public SessionSetting checkClientConnection(Connection connection) throws SQLException {
		return () -> {
		};
	}

	/** A query of one row and one column: the session's lock timeout, as the setting takes it. */
	abstract String lockTimeoutQuery();

	/** The statement that sets the session's lock timeout to a value. */
	abstract String lockTimeoutStatement(String value);

	/** The value of the lock timeout setting for a duration. */
	abstract String lockTimeoutValue(Duration timeout);

	/** Whether the failure is a lock timeout, and therefore worth retrying. */
	public abstract boolean isLockTimeout(SQLException ex);

	/**
	 * Whether a failed statement aborts the surrounding transaction (PostgreSQL), so a
	 * retry must start the migration over rather than repeat one statement.
	 */
	public boolean failedStatementAbortsTransaction() {
		return false;
	}

	/**
	 * Whether DDL commits by itself (MySQL, MariaDB, H2), so a failed migration may leave
	 * part of its work behind.
	 */
	public boolean ddlAutoCommits() {
		return false;
	}

	/**
	 * Describes the sessions that may block DDL: open transactions holding locks, oldest
	 * first, with what the database knows of them (pid, application, client address).
	 * @return a description for an error message, or {@code null} if none is found
	 */
	public @Nullable String describeBlockers(Connection connection) {
		List<String> sessions = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(blockersQuery())) {
			while (result.next()) {
				sessions.add(describeBlocker(result));
			}
		}
		catch (SQLException ex) {
			// The description is a courtesy: the failure is reported either way.
			return null;
		}
		return sessions.isEmpty() ? null : String.join("; ", sessions);
	}

	/** The sessions with open transactions that may hold locks, oldest first. */
	abstract String blockersQuery();

	/** One row of {@link #blockersQuery()}, as a phrase such as {@code pid 42 (...)}. */
	abstract String describeBlocker(ResultSet session) throws SQLException;

	/** A session setting changed for a run, and how to put it back. */
	@FunctionalInterface
	public interface SessionSetting {

		void restore() throws SQLException;

	}

}
