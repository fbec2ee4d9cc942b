package dev.stepwise.migration.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * The one home of Stepwise's four state tables (the history, the expansions, the backfills
 * and the instances): their DDL, through the dialect, with the same column types (instants
 * in zoned columns, or UTC in MySQL's), and their names, all in one schema.
 * <p>
 * Only writers create them ({@link #createIfAbsent}); read paths ask {@link #exists} and
 * report a missing table as empty, so that a health check or a heartbeat needs no DDL
 * rights and takes no metadata lock.
 */
public final class StateTables {

	/** Column changes in flight or contracted. */
	public static final String EXPANSIONS = "stepwise_expansions";

	/** Backfill cursors and progress. */
	public static final String BACKFILLS = "stepwise_backfills";

	/** The running application instances that contracts wait for. */
	public static final String INSTANCES = "stepwise_instances";

	private final Dialect dialect;

	private final @Nullable String schema;

	/**
	 * @param dialect the database's dialect
	 * @param schema the schema the tables live in ({@code stepwise.schema}); {@code null}
	 * for the connection's current one
	 */
	public StateTables(Dialect dialect, @Nullable String schema) {
		this.dialect = Objects.requireNonNull(dialect, "dialect must not be null");
		this.schema = schema;
	}

	/** The tables of a database type in a schema ({@code null}: the connection's). */
	public static StateTables of(DatabaseType type, @Nullable String schema) {
		return new StateTables(Dialect.of(type), schema);
	}

	public Dialect dialect() {
		return this.dialect;
	}

	public DatabaseType type() {
		return this.dialect.type();
	}

	/** The configured schema, or {@code null} for the connection's current one. */
	public @Nullable String schema() {
		return this.schema;
	}

	/** A table's name for SQL, quoted and qualified by the schema when one is configured. */
	public String qualified(String table) {
		String name = this.dialect.quote(this.dialect.storedName(table));
		return (this.schema != null) ? this.dialect.quote(this.schema) + "." + name : name;
	}

	/** Whether a table exists, from the catalogue, without creating anything. */
	public boolean exists(Connection connection, String table) throws SQLException {
		String schema = (this.schema != null) ? this.schema : this.dialect.currentSchema(connection);
		return this.dialect.tableExists(connection, schema, table);
	}

	/**
	 * Creates a state table, and its schema, when missing; only writers call this.
	 * @param table {@link #EXPANSIONS}, {@link #BACKFILLS}, {@link #INSTANCES}, or the
	 * history table's name
	 */
	public void createIfAbsent(Connection connection, String table) throws SQLException {
		if (this.schema != null) {
			this.dialect.createSchemaIfAbsent(connection, this.schema);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + qualified(table) + " (" + columns(table) + ")");
		}
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	private String columns(String table) {
		String timestamp = this.dialect.timestampType();
		String text = this.dialect.textType();
		return switch (table) {
			case EXPANSIONS -> "id VARCHAR(200) NOT NULL PRIMARY KEY, operation VARCHAR(30) NOT NULL,"
					+ " table_name VARCHAR(200) NOT NULL, old_column VARCHAR(200) NOT NULL, new_column VARCHAR(200) NOT NULL,"
					+ " old_type VARCHAR(200) NOT NULL, new_type VARCHAR(200) NOT NULL, to_new VARCHAR(2000) NOT NULL,"
					+ " to_old VARCHAR(2000) NOT NULL, old_not_null SMALLINT NOT NULL, expand_version VARCHAR(100) NOT NULL,"
					+ " state VARCHAR(20) NOT NULL, trigger_name VARCHAR(100) NOT NULL, contract_requested SMALLINT NOT NULL,"
					+ " old_default " + text + ", new_default " + text + ", carried_indexes " + text + ", changed_at "
					+ timestamp + " NOT NULL";
			case BACKFILLS -> "name VARCHAR(200) NOT NULL, part SMALLINT NOT NULL, table_name VARCHAR(200) NOT NULL,"
					+ " definition VARCHAR(4000) NOT NULL, key_cursor VARCHAR(4000), rows_done BIGINT NOT NULL,"
					+ " rows_estimate BIGINT NOT NULL, done SMALLINT NOT NULL, started_at " + timestamp + " NOT NULL,"
					+ " updated_at " + timestamp + " NOT NULL, PRIMARY KEY (name, part)";
			case INSTANCES -> "instance_id VARCHAR(100) NOT NULL PRIMARY KEY, host VARCHAR(255) NOT NULL,"
					+ " max_version VARCHAR(100) NOT NULL, started_at " + timestamp + " NOT NULL, heartbeat_at " + timestamp
					+ " NOT NULL";
			default -> historyColumns(timestamp);
		};
	}

	private String historyColumns(String timestamp) {
		return "installed_rank INT NOT NULL PRIMARY KEY, "
				+ "version VARCHAR(50), "
				+ "description VARCHAR(200) NOT NULL, "
				+ "type VARCHAR(20) NOT NULL, "
				+ "script VARCHAR(1000) NOT NULL, "
				+ "checksum INT, "
				+ "installed_by VARCHAR(100) NOT NULL, "
				+ "installed_on " + timestamp + " NOT NULL, "
				+ "execution_time BIGINT NOT NULL, "
				+ "success " + this.dialect.booleanType() + " NOT NULL, "
				+ "rolled_back_by VARCHAR(100), "
				+ "rolled_back_on " + timestamp + ", "
				+ "rollback_script VARCHAR(1000)";
	}

}
