package dev.stepwise.migration;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Driver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.stepwise.migration.api.FlywayAdoption;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.ScriptSource;
import dev.stepwise.migration.api.StepwiseListener;
import dev.stepwise.migration.expand.ExpansionSettings;
import dev.stepwise.migration.internal.execute.ExecutionSettings;
import dev.stepwise.migration.java.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link Stepwise} runs with. Immutable; built with {@link Stepwise#configure()},
 * which checks every value and names the option in its message.
 * <p>
 * Why this class is over 400 lines: it is a builder with some forty settings, each held
 * twice (in the builder while it is filled, then in the immutable configuration) and each
 * setter documented with its meaning and default, since that documentation is the engine's
 * reference for every front end (the starter's properties, the command line, the Maven
 * plugin). Splitting it would spread one list of settings over several files without making
 * any of them simpler; the rules the values must follow live in {@code ConfigurationRules},
 * and the rules between settings in {@link Builder#build()}.
 */
public final class StepwiseConfiguration {

	/** The default location of migrations. */
	public static final String DEFAULT_LOCATION = "classpath:db/migration";

	/** The default name of the history table. */
	public static final String DEFAULT_TABLE = "stepwise_history";

	/** The default name of the Flyway history table that the first run adopts. */
	public static final String DEFAULT_FLYWAY_TABLE = "flyway_schema_history";

	private final DataSource dataSource;

	private final List<String> locations;

	private final List<JavaMigration> javaMigrations;

	private final String table;

	private final @Nullable String schema;

	private final Map<String, String> placeholders;

	private final boolean placeholderReplacement;

	private final boolean outOfOrder;

	private final boolean validateOnMigrate;

	private final boolean ignoreFutureMigrations;

	private final boolean baselineOnMigrate;

	private final String baselineVersion;

	private final boolean failOnEmptyMigrations;

	private final Duration lockWaitTimeout;

	private final Duration ddlLockTimeout;

	private final int ddlRetries;

	private final Duration ddlRetryBackoff;

	private final Duration instanceStaleness;

	private final Duration heartbeatInterval;

	private final int backfillWorkers;

	private final @Nullable String installedBy;

	private final Charset encoding;

	private final ClassLoader classLoader;

	private final @Nullable ScriptSource scriptSource;

	private final List<StepwiseListener> listeners;

	private final FlywayAdoption flywayAdoption;

	private final String flywayTable;

	private final @Nullable MigrationVersion target;

	private final int connectRetries;

	private final Duration connectRetriesInterval;

	private final List<String> initSqls;

	private final String placeholderPrefix;

	private final boolean failOnMissingLocations;

	private final boolean validateMigrationNaming;

	private final @Nullable String defaultSchema;

	private final boolean createSchemas;

	private final String placeholderSuffix;

	private final List<String> schemas;

	private final boolean group;

	private final boolean mixed;

	private StepwiseConfiguration(Builder builder) {
		this.dataSource = Objects.requireNonNull(builder.dataSource,
				"No DataSource: call dataSource(DataSource) or dataSource(url, user, password)");
		this.locations = List.copyOf(builder.locations);
		this.javaMigrations = List.copyOf(builder.javaMigrations);
		this.table = builder.table;
		this.schema = builder.schema;
		this.placeholders = Map.copyOf(builder.placeholders);
		this.placeholderReplacement = builder.placeholderReplacement;
		this.outOfOrder = builder.outOfOrder;
		this.validateOnMigrate = builder.validateOnMigrate;
		this.ignoreFutureMigrations = builder.ignoreFutureMigrations;
		this.baselineOnMigrate = builder.baselineOnMigrate;
		this.baselineVersion = builder.baselineVersion;
		this.failOnEmptyMigrations = builder.failOnEmptyMigrations;
		this.lockWaitTimeout = builder.lockWaitTimeout;
		this.ddlLockTimeout = builder.ddlLockTimeout;
		this.ddlRetries = builder.ddlRetries;
		this.ddlRetryBackoff = builder.ddlRetryBackoff;
		this.instanceStaleness = builder.instanceStaleness;
		this.heartbeatInterval = builder.heartbeatInterval;
		this.backfillWorkers = builder.backfillWorkers;
		this.installedBy = builder.installedBy;
		this.encoding = builder.encoding;
		this.classLoader = builder.classLoader;
		this.scriptSource = builder.scriptSource;
		this.listeners = List.copyOf(builder.listeners);
		this.flywayAdoption = builder.flywayAdoption;
		this.flywayTable = builder.flywayTable;
		this.target = builder.target;
		this.connectRetries = builder.connectRetries;
		this.connectRetriesInterval = builder.connectRetriesInterval;
		this.initSqls = List.copyOf(builder.initSqls);
		this.placeholderPrefix = builder.placeholderPrefix;
		this.failOnMissingLocations = builder.failOnMissingLocations;
		this.validateMigrationNaming = builder.validateMigrationNaming;
		this.schemas = List.copyOf(builder.schemas);
		// As in Flyway, the first managed schema is the default one unless it is named.
		this.defaultSchema = (builder.defaultSchema != null) ? builder.defaultSchema
				: this.schemas.isEmpty() ? null : this.schemas.get(0);
		this.createSchemas = builder.createSchemas;
		this.placeholderSuffix = builder.placeholderSuffix;
		this.group = builder.group;
		this.mixed = builder.mixed;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public List<String> locations() {
		return this.locations;
	}

	public List<JavaMigration> javaMigrations() {
		return this.javaMigrations;
	}

	public String table() {
		return this.table;
	}

	public @Nullable String schema() {
		return this.schema;
	}

	public Map<String, String> placeholders() {
		return this.placeholders;
	}

	public boolean placeholderReplacement() {
		return this.placeholderReplacement;
	}

	public boolean outOfOrder() {
		return this.outOfOrder;
	}

	public boolean validateOnMigrate() {
		return this.validateOnMigrate;
	}

	public boolean ignoreFutureMigrations() {
		return this.ignoreFutureMigrations;
	}

	public boolean baselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public boolean failOnEmptyMigrations() {
		return this.failOnEmptyMigrations;
	}

	public String baselineVersion() {
		return this.baselineVersion;
	}

	public Duration lockWaitTimeout() {
		return this.lockWaitTimeout;
	}

	public Duration ddlLockTimeout() {
		return this.ddlLockTimeout;
	}

	public int ddlRetries() {
		return this.ddlRetries;
	}

	public Duration ddlRetryBackoff() {
		return this.ddlRetryBackoff;
	}

	public Duration instanceStaleness() {
		return this.instanceStaleness;
	}

	/** The time between an instance's heartbeats, below {@link #instanceStaleness()}. */
	public Duration heartbeatInterval() {
		return this.heartbeatInterval;
	}

	public int backfillWorkers() {
		return this.backfillWorkers;
	}

	public @Nullable String installedBy() {
		return this.installedBy;
	}

	public Charset encoding() {
		return this.encoding;
	}

	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/** What lists the {@code classpath:} locations in no directory or jar, if anything. */
	public @Nullable ScriptSource scriptSource() {
		return this.scriptSource;
	}

	public List<StepwiseListener> listeners() {
		return this.listeners;
	}

	public FlywayAdoption flywayAdoption() {
		return this.flywayAdoption;
	}

	public String flywayTable() {
		return this.flywayTable;
	}

	/** The version {@code migrate()} stops at, or {@code null} for the latest. */
	public @Nullable MigrationVersion target() {
		return this.target;
	}

	public int connectRetries() {
		return this.connectRetries;
	}

	public Duration connectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public List<String> initSqls() {
		return this.initSqls;
	}

	public @Nullable String defaultSchema() {
		return this.defaultSchema;
	}

	public boolean createSchemas() {
		return this.createSchemas;
	}

	/** The managed schemas, the default one first (empty: only the default schema, if any). */
	public List<String> schemas() {
		return this.schemas;
	}

	/** Whether all pending migrations run in one transaction. */
	public boolean group() {
		return this.group;
	}

	/** Whether a script may mix statements that need a transaction with ones that cannot run in one. */
	public boolean mixed() {
		return this.mixed;
	}

	public boolean failOnMissingLocations() {
		return this.failOnMissingLocations;
	}

	public boolean validateMigrationNaming() {
		return this.validateMigrationNaming;
	}

	public String placeholderPrefix() {
		return this.placeholderPrefix;
	}

	public String placeholderSuffix() {
		return this.placeholderSuffix;
	}

	ExpansionSettings expansionSettings() {
		return new ExpansionSettings(this.instanceStaleness, this.backfillWorkers, this.lockWaitTimeout);
	}

	ExecutionSettings executionSettings() {
		return new ExecutionSettings(this.dataSource, this.encoding, this.ddlLockTimeout, this.ddlRetries,
				this.ddlRetryBackoff, expansionSettings(), this.table,
				this.placeholderReplacement, this.placeholders, this.placeholderPrefix, this.placeholderSuffix,
				this.mixed);
	}

	/**
	 * Builds a {@link StepwiseConfiguration}. Every setter checks its own value and throws an
	 * {@link IllegalArgumentException} that names the setting ({@code backfillWorkers must be
	 * at least 1, was 0}); {@link #build()} checks the rules between settings.
	 */
	public static final class Builder {

		private @Nullable DataSource dataSource;

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private final List<JavaMigration> javaMigrations = new ArrayList<>();

		private String table = DEFAULT_TABLE;

		private @Nullable String schema;

		private final Map<String, String> placeholders = new LinkedHashMap<>();

		private boolean placeholderReplacement = true;

		private boolean outOfOrder;

		private boolean validateOnMigrate = true;

		private boolean ignoreFutureMigrations = true;

		private boolean baselineOnMigrate;

		private String baselineVersion = "1";

		private boolean failOnEmptyMigrations;

		private Duration lockWaitTimeout = Duration.ofSeconds(60);

		private Duration ddlLockTimeout = Duration.ofSeconds(2);

		private int ddlRetries = 5;

		private Duration ddlRetryBackoff = Duration.ofMillis(500);

		private Duration instanceStaleness = Duration.ofMinutes(2);

		private Duration heartbeatInterval = Duration.ofSeconds(30);

		private int backfillWorkers = 2;

		private @Nullable String installedBy;

		private Charset encoding = StandardCharsets.UTF_8;

		private ClassLoader classLoader = defaultClassLoader();

		private @Nullable ScriptSource scriptSource;

		private final List<StepwiseListener> listeners = new ArrayList<>();

		private FlywayAdoption flywayAdoption = FlywayAdoption.AUTO;

		private String flywayTable = DEFAULT_FLYWAY_TABLE;

		private @Nullable MigrationVersion target;

		private int connectRetries;

		private Duration connectRetriesInterval = Duration.ofSeconds(120);

		private List<String> initSqls = List.of();

		private String placeholderPrefix = "${";

		private boolean failOnMissingLocations;

		private boolean validateMigrationNaming = true;

		private @Nullable String defaultSchema;

		private boolean createSchemas = true;

		private List<String> schemas = List.of();

		private boolean group;

		private boolean mixed;

		private String placeholderSuffix = "}";

		Builder() {
		}

		/** The database to migrate. */
		public Builder dataSource(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
			return this;
		}

		/**
		 * The database to migrate, reached through {@code DriverManager}; the JDBC driver
		 * must be on the classpath. The engine keeps the connections of one call for reuse
		 * and closes them all when the call ends.
		 */
		public Builder dataSource(String url, @Nullable String user, @Nullable String password) {
			ConfigurationRules.text(url, "url");
			this.dataSource = new ReusingDataSource(PhysicalConnections.driverManager(), url, user, password);
			return this;
		}

		/**
		 * The database to migrate, reached through the given JDBC driver, with connections
		 * reused within a call as {@link #dataSource(String, String, String)} does. For a
		 * driver that {@code DriverManager} cannot see: one loaded by a class loader other
		 * than the application's, as a tool or a build plugin loads the project's
		 * dependencies ({@code DriverManager} only lends a driver to callers whose own class
		 * loader can load it).
		 * @param driver the driver, which must accept the URL
		 * @param url the JDBC URL
		 * @param user the user, or {@code null} when the URL carries it
		 * @param password the password, or {@code null}
		 */
		public Builder dataSource(Driver driver, String url, @Nullable String user, @Nullable String password) {
			Objects.requireNonNull(driver, "driver must not be null");
			ConfigurationRules.text(url, "url");
			this.dataSource = new ReusingDataSource(PhysicalConnections.driver(driver), url, user, password);
			return this;
		}

		/**
		 * Where migrations live: {@code classpath:db/migration}, {@code filesystem:/path};
		 * {@code {vendor}} in a location resolves to the database's vendor token. Default:
		 * {@value StepwiseConfiguration#DEFAULT_LOCATION}.
		 */
		public Builder locations(String... locations) {
			return locations(Arrays.asList(locations));
		}

		/** Where migrations live; see {@link #locations(String...)}. */
		public Builder locations(List<String> locations) {
			Objects.requireNonNull(locations, "locations must not be null");
			for (String location : locations) {
				ConfigurationRules.text(location, "locations");
			}
			this.locations = List.copyOf(locations);
			return this;
		}

		/** Java migrations to run alongside the scripts. */
		public Builder javaMigrations(JavaMigration... migrations) {
			return javaMigrations(Arrays.asList(migrations));
		}

		/** Java migrations to run alongside the scripts. */
		public Builder javaMigrations(List<? extends JavaMigration> migrations) {
			for (JavaMigration migration : migrations) {
				this.javaMigrations.add(Objects.requireNonNull(migration, "javaMigrations must not contain null"));
			}
			return this;
		}

		/** The history table; default {@value StepwiseConfiguration#DEFAULT_TABLE}. */
		public Builder table(String table) {
			this.table = ConfigurationRules.identifier(table, "table");
			return this;
		}

		/** The schema of the history table; default: the connection's current schema. */
		public Builder schema(@Nullable String schema) {
			this.schema = (schema != null) ? ConfigurationRules.identifier(schema, "schema") : null;
			return this;
		}

		/** Values for {@code ${name}} placeholders in scripts. */
		public Builder placeholders(Map<String, String> placeholders) {
			placeholders.forEach(this::placeholder);
			return this;
		}

		/** A value for the {@code ${name}} placeholder in scripts. */
		public Builder placeholder(String name, String value) {
			ConfigurationRules.text(name, "placeholder name");
			this.placeholders.put(name, Objects.requireNonNull(value, "placeholder '" + name + "' must have a value"));
			return this;
		}

		/** Whether to replace {@code ${name}} placeholders in scripts; default true. */
		public Builder placeholderReplacement(boolean placeholderReplacement) {
			this.placeholderReplacement = placeholderReplacement;
			return this;
		}

		/** Whether to apply pending versions below the current version; default false. */
		public Builder outOfOrder(boolean outOfOrder) {
			this.outOfOrder = outOfOrder;
			return this;
		}

		/** Whether {@code migrate()} validates first; default true. */
		public Builder validateOnMigrate(boolean validateOnMigrate) {
			this.validateOnMigrate = validateOnMigrate;
			return this;
		}

		/**
		 * Whether versions applied by a newer release, unknown to this one, are only logged
		 * rather than failing validation; default true, since old and new releases run side
		 * by side during a rolling deploy.
		 */
		public Builder ignoreFutureMigrations(boolean ignoreFutureMigrations) {
			this.ignoreFutureMigrations = ignoreFutureMigrations;
			return this;
		}

		/**
		 * Whether {@code migrate()} baselines a non-empty schema that has no history table;
		 * default false.
		 */
		public Builder baselineOnMigrate(boolean baselineOnMigrate) {
			this.baselineOnMigrate = baselineOnMigrate;
			return this;
		}

		/** The version {@code baselineOnMigrate} records; default 1. */
		public Builder baselineVersion(String baselineVersion) {
			ConfigurationRules.version(baselineVersion, "baselineVersion");
			this.baselineVersion = baselineVersion;
			return this;
		}

		/**
		 * Whether a migration script without a statement (empty, or only comments) is refused
		 * before anything runs, rather than recorded with a warning; default false.
		 */
		public Builder failOnEmptyMigrations(boolean failOnEmptyMigrations) {
			this.failOnEmptyMigrations = failOnEmptyMigrations;
			return this;
		}

		/** How long to wait for another instance's run to finish; default 60 s. */
		public Builder lockWaitTimeout(Duration lockWaitTimeout) {
			this.lockWaitTimeout = ConfigurationRules.notNegative(lockWaitTimeout, "lockWaitTimeout");
			return this;
		}

		/**
		 * How long a DDL statement may wait for a table lock before it gives up and is
		 * retried, so it never queues all traffic behind a long transaction; default 2 s.
		 */
		public Builder ddlLockTimeout(Duration ddlLockTimeout) {
			this.ddlLockTimeout = ConfigurationRules.positive(ddlLockTimeout, "ddlLockTimeout",
					": a zero lock timeout means 'wait forever' on PostgreSQL, which is what it exists to prevent");
			return this;
		}

		/** How many times a DDL statement that timed out on a lock is retried; default 5. */
		public Builder ddlRetries(int ddlRetries) {
			this.ddlRetries = ConfigurationRules.atLeast(ddlRetries, 0, "ddlRetries");
			return this;
		}

		/**
		 * The base of the jittered, doubling backoff between DDL retries; default 500 ms.
		 */
		public Builder ddlRetryBackoff(Duration ddlRetryBackoff) {
			this.ddlRetryBackoff = ConfigurationRules.notNegative(ddlRetryBackoff, "ddlRetryBackoff");
			return this;
		}

		/**
		 * How long after its last heartbeat a registered application instance counts as
		 * gone, so that a contract no longer waits for it; default 2 minutes.
		 */
		public Builder instanceStaleness(Duration instanceStaleness) {
			this.instanceStaleness = ConfigurationRules.positive(instanceStaleness, "instanceStaleness",
					": every instance would count as gone as soon as it beat");
			return this;
		}

		/**
		 * The time between the heartbeats of a registered application instance (the Spring
		 * Boot starter beats); default 30 seconds. It must stay below
		 * {@link #instanceStaleness(Duration)}, or live instances look gone between beats.
		 */
		public Builder heartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = ConfigurationRules.positive(heartbeatInterval, "heartbeatInterval", "");
			return this;
		}

		/**
		 * How many connections each expand backfill uses at once, each walking its own part
		 * of the table; default 2.
		 */
		public Builder backfillWorkers(int backfillWorkers) {
			this.backfillWorkers = ConfigurationRules.atLeast(backfillWorkers, 1, "backfillWorkers");
			return this;
		}

		/**
		 * Who the history records as installer, at most 100 characters; default: the database
		 * user.
		 */
		public Builder installedBy(@Nullable String installedBy) {
			if (installedBy != null) {
				ConfigurationRules.text(installedBy, "installedBy");
				if (installedBy.length() > ConfigurationRules.MAX_INSTALLED_BY_LENGTH) {
					throw new IllegalArgumentException("installedBy must be at most "
							+ ConfigurationRules.MAX_INSTALLED_BY_LENGTH + " characters (the history's installed_by"
							+ " column), was " + installedBy.length());
				}
			}
			this.installedBy = installedBy;
			return this;
		}

		/** The encoding of SQL scripts; default UTF-8. */
		public Builder encoding(Charset encoding) {
			this.encoding = Objects.requireNonNull(encoding, "encoding must not be null");
			return this;
		}

		/** The class loader that {@code classpath:} locations are scanned with. */
		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = Objects.requireNonNull(classLoader, "classLoader must not be null");
			return this;
		}

		/**
		 * Lists with this source the {@code classpath:} locations that are in none of the class
		 * loader's directories and jars, as a native image's resources are. Default: none.
		 */
		public Builder scriptSource(ScriptSource scriptSource) {
			this.scriptSource = Objects.requireNonNull(scriptSource, "scriptSource must not be null");
			return this;
		}

		/** Listeners told about every migration, rollback and lock wait. */
		public Builder listeners(StepwiseListener... listeners) {
			for (StepwiseListener listener : listeners) {
				this.listeners.add(Objects.requireNonNull(listener, "listeners must not contain null"));
			}
			return this;
		}

		/**
		 * Whether the first run adopts Flyway's history in place when Stepwise has none;
		 * default {@link FlywayAdoption#AUTO}.
		 */
		public Builder flywayAdoption(FlywayAdoption flywayAdoption) {
			this.flywayAdoption = Objects.requireNonNull(flywayAdoption, "flywayAdoption must not be null");
			return this;
		}

		/**
		 * The Flyway history table to adopt, in the schema of Stepwise's history table;
		 * default {@value StepwiseConfiguration#DEFAULT_FLYWAY_TABLE}.
		 */
		public Builder flywayTable(String flywayTable) {
			this.flywayTable = ConfigurationRules.identifier(flywayTable, "flywayTable");
			return this;
		}

		/**
		 * The version {@code migrate()} applies up to (repeatable migrations still run);
		 * {@code null} or {@code "latest"} for every version, the default.
		 */
		public Builder target(@Nullable String target) {
			this.target = ConfigurationRules.target(target);
			return this;
		}

		/**
		 * How many times to retry connecting when the database cannot be reached at first (a
		 * database that starts with the application); default 0.
		 */
		public Builder connectRetries(int connectRetries) {
			this.connectRetries = ConfigurationRules.atLeast(connectRetries, 0, "connectRetries");
			return this;
		}

		/**
		 * The longest wait between connection retries: the wait starts at one second and
		 * doubles up to this; default 120 s.
		 */
		public Builder connectRetriesInterval(Duration connectRetriesInterval) {
			this.connectRetriesInterval = ConfigurationRules.notNegative(connectRetriesInterval,
					"connectRetriesInterval");
			return this;
		}

		/**
		 * The schema (on MySQL and MariaDB, the database) that migrations run in and that
		 * holds the history table unless {@link #schema(String)} says otherwise; default: the
		 * connection's own.
		 */
		public Builder defaultSchema(@Nullable String defaultSchema) {
			this.defaultSchema = (defaultSchema != null) ? ConfigurationRules.identifier(defaultSchema, "defaultSchema")
					: null;
			return this;
		}

		/** Whether the default schema and the other managed schemas are created when they do not exist; default true. */
		public Builder createSchemas(boolean createSchemas) {
			this.createSchemas = createSchemas;
			return this;
		}

		/**
		 * The schemas (on MySQL and MariaDB, databases) the migrations manage, as Flyway's
		 * {@code schemas}: the first is the default schema unless {@link #defaultSchema(String)}
		 * names one, and every one is created when missing (see {@link #createSchemas(boolean)})
		 * and looked at before a first run over a schema that others built; default none.
		 */
		public Builder schemas(List<String> schemas) {
			Objects.requireNonNull(schemas, "schemas must not be null");
			for (String schema : schemas) {
				ConfigurationRules.identifier(schema, "schemas");
			}
			this.schemas = List.copyOf(schemas);
			return this;
		}

		/**
		 * Whether {@code migrate()} applies all pending migrations in one transaction, so that
		 * either all of them are applied or none; default false. Refused, before any migration
		 * runs, where a pending migration could not be undone with the group: a statement that
		 * commits by itself (DDL on MySQL, MariaDB and H2), a Java migration there, or a
		 * migration that runs without a transaction.
		 */
		public Builder group(boolean group) {
			this.group = group;
			return this;
		}

		/**
		 * Whether a script may mix statements that need a transaction with statements that
		 * cannot run in one (PostgreSQL's {@code CREATE INDEX CONCURRENTLY}): then the whole
		 * script runs without a transaction, as in Flyway; default false, which refuses such a
		 * script.
		 */
		public Builder mixed(boolean mixed) {
			this.mixed = mixed;
			return this;
		}

		/** Whether a location that does not exist fails the run rather than being logged; default false. */
		public Builder failOnMissingLocations(boolean failOnMissingLocations) {
			this.failOnMissingLocations = failOnMissingLocations;
			return this;
		}

		/**
		 * Whether a {@code .sql} file in a location that is neither a migration nor a callback
		 * fails the run; default true (Flyway's default is to skip it, which hides typos).
		 */
		public Builder validateMigrationNaming(boolean validateMigrationNaming) {
			this.validateMigrationNaming = validateMigrationNaming;
			return this;
		}

		/** What opens a placeholder in scripts; default <code>${</code>. */
		public Builder placeholderPrefix(String placeholderPrefix) {
			this.placeholderPrefix = ConfigurationRules.text(placeholderPrefix, "placeholderPrefix");
			return this;
		}

		/** What closes a placeholder in scripts; default <code>}</code>. */
		public Builder placeholderSuffix(String placeholderSuffix) {
			this.placeholderSuffix = ConfigurationRules.text(placeholderSuffix, "placeholderSuffix");
			return this;
		}

		/** SQL statements run on the work connection of every engine call, before anything else. */
		public Builder initSqls(List<String> initSqls) {
			Objects.requireNonNull(initSqls, "initSqls must not be null");
			for (String sql : initSqls) {
				ConfigurationRules.text(sql, "initSqls");
			}
			this.initSqls = List.copyOf(initSqls);
			return this;
		}

		/** The configuration, checked. */
		public StepwiseConfiguration build() {
			checkCrossFieldRules();
			return new StepwiseConfiguration(this);
		}

		/**
		 * The rules between settings, checked once they are all known, whichever was set
		 * first; each setting's own rule was checked by its setter.
		 */
		private void checkCrossFieldRules() {
			if (this.heartbeatInterval.compareTo(this.instanceStaleness) >= 0) {
				throw new IllegalArgumentException("heartbeatInterval must be below instanceStaleness, was "
						+ this.heartbeatInterval + " against " + this.instanceStaleness
						+ ": between two heartbeats every live instance would count as gone, and a contract could drop"
						+ " a column that its code still uses. Keep the heartbeat interval well below the staleness"
						+ " (defaults: 30s and 2m), for example at a quarter of it (Spring Boot:"
						+ " stepwise.instance-registry.heartbeat-interval and stepwise.instance-staleness).");
			}
			if (this.flywayAdoption != FlywayAdoption.OFF && this.flywayTable.equalsIgnoreCase(this.table)) {
				throw new IllegalArgumentException("flywayTable must differ from table while flywayAdoption is "
						+ this.flywayAdoption + ", was '" + this.flywayTable + "' for both: Stepwise would read its own"
						+ " history as Flyway's. Name Flyway's history table, or set flywayAdoption to OFF.");
			}
		}

		/** An engine with this configuration. */
		public Stepwise load() {
			return new Stepwise(build());
		}

		private static ClassLoader defaultClassLoader() {
			ClassLoader context = Thread.currentThread().getContextClassLoader();
			return (context != null) ? context : StepwiseConfiguration.class.getClassLoader();
		}

	}

}
