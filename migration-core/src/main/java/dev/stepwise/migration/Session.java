package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.history.HistoryTable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work connection of one engine call, with what it learned about the database: the
 * dialect, the history table, the user. Closing it puts back every session setting it
 * changed, since the connection returns to the application's pool.
 */
final class Session implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Session.class);

	private final Connection connection;

	private final Dialect dialect;

	private final HistoryTable history;

	private final String user;

	private final boolean autoCommit;

	private final String database;

	private final String databaseUser;

	private final List<String> otherSchemas;

	private Dialect.@Nullable SessionSetting lockTimeout;

	private Dialect.@Nullable SessionSetting clientCheck;

	private Dialect.@Nullable SessionSetting defaultSchema;

	private Session(Connection connection, boolean autoCommit, Target target, HistoryTable history, String user,
			List<String> otherSchemas) {
		this.connection = connection;
		this.otherSchemas = otherSchemas;
		this.autoCommit = autoCommit;
		this.dialect = target.dialect();
		this.history = history;
		this.user = user;
		this.database = target.database();
		this.databaseUser = target.databaseUser();
	}

	/**
	 * Opens a session; {@code known} spares the metadata and schema queries when an earlier
	 * session of the same engine already answered them.
	 */
	static Session open(StepwiseConfiguration configuration, @Nullable Target known) {
		Connection connection = connect(configuration);
		try {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			runInitSqls(connection, configuration);
			Target target = (known != null) ? known : Target.of(connection, configuration);
			String user = (configuration.installedBy() != null) ? configuration.installedBy()
					: installer(target.databaseUser());
			List<String> otherSchemas = new ArrayList<>(ManagedSchemas.of(configuration));
			otherSchemas.remove(target.schema());
			Session session = new Session(connection, autoCommit, target,
					new HistoryTable(target.dialect(), target.schema(), configuration.table()), user,
					List.copyOf(otherSchemas));
			String defaultSchema = configuration.defaultSchema();
			if (known == null) {
				String missing = ManagedSchemas.createOrFindMissing(connection, target.dialect(), configuration);
				if (missing != null) {
					closeQuietly(connection);
					throw new StepwiseException("The " + (missing.equals(defaultSchema) ? "default " : "managed ")
							+ "schema " + missing + " does not exist, and createSchemas is false, so nothing was run."
							+ " Create it, or let Stepwise create it: createSchemas(true) (Spring Boot:"
							+ " stepwise.create-schemas=true).");
				}
			}
			if (defaultSchema != null) {
				session.defaultSchema = DefaultSchema.use(connection, target.dialect(), defaultSchema);
			}
			return session;
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw couldNotConnect(configuration, ex);
		}
	}

	/**
	 * Connects, retrying {@code connectRetries} times when the database cannot be reached
	 * (a database that starts with the application), waiting one second, then twice as
	 * long each time, up to {@code connectRetriesInterval}.
	 */
	private static Connection connect(StepwiseConfiguration configuration) {
		long waitMillis = 1000;
		for (int attempt = 0;; attempt++) {
			try {
				return configuration.dataSource().getConnection();
			}
			catch (SQLException | RuntimeException ex) {
				// A pool throws its own unchecked exceptions too (HikariCP: "Failed to get driver instance").
				if (attempt >= configuration.connectRetries()) {
					throw couldNotConnect(configuration, ex);
				}
				long wait = Math.min(waitMillis, configuration.connectRetriesInterval().toMillis());
				// The message is left out: a driver may quote a piece of the URL, a password included.
				logger.warn("Could not connect to the database; retry {} of {} in {} ms", attempt + 1,
						configuration.connectRetries(), wait);
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw couldNotConnect(configuration, ex);
				}
				waitMillis *= 2;
			}
		}
	}

	private static StepwiseException couldNotConnect(StepwiseConfiguration configuration, Exception ex) {
		// A driver that misreads a URL quotes a piece of it ("Incorrect port value : <password>@host"), which
		// only the DataSource's own secrets recognise.
		Throwable masked = CredentialMask.masked(ex, CredentialMask.secretsOf(configuration.dataSource()));
		return new StepwiseException("Could not connect to the database to migrate it: " + masked.getMessage()
				+ ". Check the DataSource (Spring Boot: spring.datasource.* or stepwise.url/user/password).", masked);
	}

	private static void runInitSqls(Connection connection, StepwiseConfiguration configuration) throws SQLException {
		for (String sql : configuration.initSqls()) {
			try (java.sql.Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new SQLException("init SQL \"" + sql + "\" failed: " + ex.getMessage()
						+ " (fix or remove it in initSqls, Spring Boot: stepwise.init-sqls)", ex.getSQLState(), ex);
			}
		}
	}

	private static String installer(String databaseUser) {
		return !databaseUser.isBlank() ? databaseUser : System.getProperty("user.name", "unknown");
	}

	/** What this session learned about the database, for the next one. */
	Target target() {
		return new Target(this.dialect, this.history.schema(), this.database, this.databaseUser);
	}

	Connection connection() {
		return this.connection;
	}

	Dialect dialect() {
		return this.dialect;
	}

	HistoryTable history() {
		return this.history;
	}

	String user() {
		return this.user;
	}

	String database() {
		return this.database;
	}

	String databaseUser() {
		return this.databaseUser;
	}

	/** The managed schemas other than the history table's. */
	List<String> otherSchemas() {
		return this.otherSchemas;
	}

	/** Whether a table exists in the history table's schema. */
	boolean tableExists(String table) throws SQLException {
		return this.dialect.tableExists(this.connection, this.history.schema(), table);
	}

	/** The history rows in rank order; empty when the table does not exist yet. */
	List<AppliedMigration> readHistory() throws SQLException {
		List<AppliedMigration> rows = this.history.readIfExists(this.connection);
		return (rows != null) ? rows : List.of();
	}

	/**
	 * Makes every statement of this session give up on a lock after the DDL lock timeout,
	 * and has the server check that the engine is still there while a statement runs.
	 */
	void limitLockWaits(StepwiseConfiguration configuration) throws SQLException {
		if (this.lockTimeout == null) {
			this.lockTimeout = this.dialect.applyLockTimeout(this.connection, configuration.ddlLockTimeout());
		}
		if (this.clientCheck == null) {
			this.clientCheck = this.dialect.checkClientConnection(this.connection);
		}
	}

	/**
	 * The database an engine works on: its dialect and the schema of the history table.
	 *
	 * @param dialect the dialect
	 * @param schema the configured schema, or the connection's current one
	 * @param database the database's name (the connection's catalogue), for placeholders
	 * @param databaseUser the user the connection logged in as, for placeholders
	 */
	record Target(Dialect dialect, String schema, String database, String databaseUser) {

		static Target of(Connection connection, StepwiseConfiguration configuration) throws SQLException {
			Dialect dialect = Dialect.of(connection);
			String schema = (configuration.schema() != null) ? configuration.schema()
					: (configuration.defaultSchema() != null) ? configuration.defaultSchema()
							: dialect.currentSchema(connection);
			String database = connection.getCatalog();
			String user = connection.getMetaData().getUserName();
			return new Target(dialect, schema, (database != null) ? database : "", (user != null) ? user : "");
		}

	}

	/**
	 * Puts back every session setting this session changed, failures included, before the
	 * connection returns to the pool; a connection whose settings cannot be put back is
	 * aborted, so that the pool drops it instead of lending it out changed.
	 */
	@Override
	public void close() {
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
			}
			for (Dialect.SessionSetting setting : new Dialect.@Nullable SessionSetting[] { this.clientCheck,
					this.lockTimeout, this.defaultSchema }) {
				if (setting != null) {
					setting.restore();
				}
			}
			this.connection.setAutoCommit(this.autoCommit);
		}
		catch (SQLException ex) {
			logger.warn("Could not put back the session settings of a pooled connection; the connection is dropped",
					CredentialMask.masked(ex));
			abortQuietly(this.connection);
			return;
		}
		closeQuietly(this.connection);
	}

	// Closing after the abort hands a pooled connection back, where the pool sees it is dead.
	private static void abortQuietly(Connection connection) {
		try {
			connection.abort(Runnable::run);
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not abort the connection", CredentialMask.masked(ex));
		}
		closeQuietly(connection);
	}

	private static void closeQuietly(@Nullable Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close the connection", CredentialMask.masked(ex));
			}
		}
	}

}
