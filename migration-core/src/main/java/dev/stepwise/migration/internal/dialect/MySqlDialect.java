package dev.stepwise.migration.internal.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * MySQL (and, through {@link MariaDbDialect}, MariaDB): backtick quoting, schemas that the
 * drivers call catalogs, {@code lock_wait_timeout} (whole seconds) for metadata locks, and
 * blockers from {@code information_schema.INNODB_TRX}.
 */
class MySqlDialect extends Dialect {

	private static final int LOCK_WAIT_TIMEOUT = 1205;

	private static final String BLOCKERS = """
			SELECT p.ID, p.USER, p.HOST, p.COMMAND, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS open_seconds,
			       LEFT(COALESCE(t.trx_query, p.INFO, ''), 200) AS query
			FROM information_schema.INNODB_TRX t
			JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
			WHERE p.ID <> CONNECTION_ID()
			ORDER BY t.trx_started
			LIMIT 5""";

	MySqlDialect() {
		this(DatabaseType.MYSQL);
	}

	MySqlDialect(DatabaseType type) {
		super(type);
	}

	@Override
	public @Nullable String metaDataCatalog(@Nullable String schema) {
		return schema;
	}

	@Override
	public @Nullable String metaDataSchema(@Nullable String schema) {
		return null;
	}

	@Override
	String schemaKeyword() {
		return "DATABASE";
	}

	@Override
	public boolean foldsUnquotedNames() {
		return false;
	}

	/** MySQL compares index names without case. */
	@Override
	public String indexNameKey(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	@Override
	public String isDistinctFrom(String column, String expression) {
		return "NOT (" + column + " <=> (" + expression + "))";
	}

	/**
	 * MySQL reports a literal default as its bare value, and flags an expression with
	 * {@code DEFAULT_GENERATED} in {@code EXTRA}.
	 */
	@Override
	public String reportedDefaultAsSql(String reported, String extra) {
		if (extra.toLowerCase(Locale.ROOT).contains("default_generated")) {
			return "(" + reported + ")";
		}
		return "'" + reported.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	/** A virtual generated column: MySQL cannot add a column only if it is absent. */
	@Override
	public List<String> uniqueWhere(String qualifiedTable, String index, String column, String columnType,
			String condition, String generatedColumn, CatalogCheck generatedColumnExists) throws SQLException {
		List<String> statements = new ArrayList<>();
		if (!generatedColumnExists.test()) {
			statements.add("ALTER TABLE " + qualifiedTable + " ADD COLUMN " + generatedColumn + " " + columnType
					+ " AS (CASE WHEN " + condition + " THEN " + column + " END) VIRTUAL");
		}
		statements.add("ALTER TABLE " + qualifiedTable + " ADD UNIQUE INDEX " + index + " (" + generatedColumn + ")");
		return statements;
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

	@Override
	public int maxIdentifierLength() {
		return 64;
	}
}
