package dev.stepwise.migration.internal.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
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
			case MYSQL -> new MySqlDialect();
			case MARIADB -> new MariaDbDialect();
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
		try (ResultSet tables = connection.getMetaData()
			.getTables(metaDataCatalog(schema), metaDataSchema(schema), storedName(table), null)) {
			return tables.next();
		}
	}

	/**
	 * The catalog argument of a {@link DatabaseMetaData} lookup in a schema: MySQL's drivers
	 * call a schema (a database) a catalog, the others leave the catalog out.
	 */
	public @Nullable String metaDataCatalog(@Nullable String schema) {
		return null;
	}

	/** The schema argument of a {@link DatabaseMetaData} lookup in a schema; see {@link #metaDataCatalog}. */
	public @Nullable String metaDataSchema(@Nullable String schema) {
		return schema;
	}

	/**
	 * The values that {@code {vendor}} in a location takes, the most specific first: MariaDB
	 * falls back to MySQL's folder, since it mostly speaks MySQL's SQL.
	 */
	public List<String> vendors() {
		return List.of(this.type.vendor());
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
			statement.execute("CREATE " + schemaKeyword() + " IF NOT EXISTS " + quote(schema));
		}
	}

	/** What the database calls a schema in DDL. */
	String schemaKeyword() {
		return "SCHEMA";
	}

	/**
	 * Whether a regular name written unquoted is stored folded to one case (upper on H2,
	 * lower on PostgreSQL, as {@link DatabaseMetaData} tells), so that the schema DSL folds
	 * it too before quoting it. MySQL compares column names without case and table names as
	 * the file system does: folding there would only change what {@code SHOW TABLES} prints.
	 */
	public boolean foldsUnquotedNames() {
		return true;
	}

	/**
	 * How the database compares index names, as a key for a set of taken names: as written,
	 * or without case (MySQL, MariaDB).
	 */
	public String indexNameKey(String name) {
		return name;
	}

	/**
	 * A condition true where a column's value differs from an expression's, NULL counted as
	 * a value: {@code IS DISTINCT FROM}, or MySQL's null-safe {@code <=>}.
	 */
	public String isDistinctFrom(String column, String expression) {
		return column + " IS DISTINCT FROM (" + expression + ")";
	}

	/**
	 * A column default as the catalogue reports it ({@code information_schema.COLUMNS}),
	 * written as SQL that DDL can repeat: most databases report SQL already.
	 */
	public String reportedDefaultAsSql(String reported, String extra) {
		return reported;
	}

	/**
	 * Whether the catalogue lists checks declared on a column apart from the table's
	 * (MariaDB's {@code LEVEL = 'Column'}, which a JSON column gets for {@code JSON_VALID}).
	 */
	public boolean hasColumnLevelChecks() {
		return false;
	}

	/**
	 * Statements that make {@code column} unique among the rows where {@code condition}
	 * holds: a partial unique index where the database has them; elsewhere a unique index on
	 * a generated column {@code generatedColumn} that is NULL where the condition does not
	 * hold (a unique index allows any number of NULLs).
	 * @param qualifiedTable the table, quoted and qualified
	 * @param index the index's name, quoted
	 * @param column the column, as SQL
	 * @param columnType its type, for the generated column
	 * @param condition the condition, as SQL
	 * @param generatedColumn the generated column's name, as SQL
	 * @param generatedColumnExists whether the generated column exists, asked only where
	 * the database cannot add a column only if it is absent
	 */
	public abstract List<String> uniqueWhere(String qualifiedTable, String index, String column, String columnType,
			String condition, String generatedColumn, CatalogCheck generatedColumnExists) throws SQLException;

	/** The column type for instants in the history table. */
	public String timestampType() {
		return "TIMESTAMP WITH TIME ZONE";
	}

	/** The column type for flags in the history table. */
	public String booleanType() {
		return "BOOLEAN";
	}

	/** The column type for text of any length in the state tables. */
	public String textType() {
		return "TEXT";
	}

	/** The longest identifier the database takes, in bytes. */
	public abstract int maxIdentifierLength();

	/**
	 * Whether indexes are built without blocking writers by a statement that must run
	 * outside a transaction ({@code CREATE INDEX CONCURRENTLY} on PostgreSQL), which then
	 * needs its own care: no lock timeout, and healing what a failed build left.
	 */
	public boolean buildsIndexesConcurrently() {
		return false;
	}

	/**
	 * Whether NOT NULL is checked before BEFORE triggers run (H2), so that a trigger cannot
	 * fill a NOT NULL column that an insert leaves out.
	 */
	public boolean checksNotNullBeforeTriggers() {
		return false;
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

	/** A question to the catalogue, asked only by the dialects that need its answer. */
	@FunctionalInterface
	public interface CatalogCheck {

		boolean test() throws SQLException;

	}

	/** A session setting changed for a run, and how to put it back. */
	@FunctionalInterface
	public interface SessionSetting {

		void restore() throws SQLException;

	}

}
