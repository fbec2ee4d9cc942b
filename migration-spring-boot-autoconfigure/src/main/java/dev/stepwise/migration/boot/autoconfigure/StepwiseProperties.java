package dev.stepwise.migration.boot.autoconfigure;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.api.FlywayAdoption;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of Stepwise, under {@code stepwise.*}; every default is the
 * engine's own.
 * <p>
 * Over 400 lines on purpose: about forty documented properties with their getters and
 * setters, the shape Spring Boot's configuration metadata is generated from.
 */
@ConfigurationProperties("stepwise")
public class StepwiseProperties {

	/**
	 * Whether to enable Stepwise.
	 */
	private boolean enabled = true;

	/**
	 * Whether GET /actuator/migrations compares the database with what its applied migrations
	 * make (in a shadow database created on the same server and dropped after each check).
	 */
	private boolean driftCheck = false;

	/**
	 * Locations of migrations: "classpath:" or "filesystem:" prefixed; "{vendor}" resolves
	 * to postgresql, mysql, mariadb or h2.
	 */
	private List<String> locations = new ArrayList<>(Collections.singletonList("classpath:db/migration"));

	/**
	 * Name of the history table.
	 */
	private String table = "stepwise_history";

	/**
	 * Schema of the history table. Default: the connection's current schema.
	 */
	private @Nullable String schema;

	/**
	 * Values of ${name} placeholders in scripts.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Whether to replace ${name} placeholders in scripts.
	 */
	private boolean placeholderReplacement = true;

	/**
	 * Whether to apply pending migrations older than the current version.
	 */
	private boolean outOfOrder = false;

	/**
	 * Whether to validate the sources against the history before migrating.
	 */
	private boolean validateOnMigrate = true;

	/**
	 * Whether migrations applied by a newer release, unknown to this one, are accepted
	 * rather than failing validation, as during a rolling deploy.
	 */
	private boolean ignoreFutureMigrations = true;

	/**
	 * Whether to baseline a non-empty schema that has no history table when migrating.
	 */
	private boolean baselineOnMigrate = false;

	/**
	 * Version that baselining records.
	 */
	private String baselineVersion = "1";

	/**
	 * Whether to refuse, before anything runs, a migration script that has no statement
	 * (empty, or only comments), rather than record it with a warning.
	 */
	private boolean failOnEmptyMigrations = false;

	/**
	 * How long to wait for another instance's migration run to finish.
	 */
	private Duration lockWaitTimeout = Duration.ofSeconds(60);

	/**
	 * How long a DDL statement may wait for a table lock before it gives up and is retried.
	 */
	private Duration ddlLockTimeout = Duration.ofSeconds(2);

	/**
	 * How many times a DDL statement that timed out on a lock is retried.
	 */
	private int ddlRetries = 5;

	/**
	 * Base of the jittered, doubling backoff between DDL retries.
	 */
	private Duration ddlRetryBackoff = Duration.ofMillis(500);

	/**
	 * How long after its last heartbeat a registered application instance counts as gone,
	 * so that a deferred contract no longer waits for it. Keep it well above
	 * "instance-registry.heartbeat-interval".
	 */
	private Duration instanceStaleness = Duration.ofMinutes(2);

	/**
	 * How many connections each expand backfill uses at once, each walking its own part of
	 * the table.
	 */
	private int backfillWorkers = 2;

	/**
	 * Who the history records as installer. Default: the database user.
	 */
	private @Nullable String installedBy;

	/**
	 * Encoding of SQL scripts.
	 */
	private Charset encoding = StandardCharsets.UTF_8;

	/**
	 * JDBC URL of the database to migrate, when it is not the application's DataSource.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate: with "url", or alone for the application's
	 * database reached as another user (a DDL user).
	 */
	private @Nullable String user;

	/**
	 * Login password of "user".
	 */
	private @Nullable String password;

	/**
	 * What happens at start-up: "migrate" applies what is pending; "validate" refuses to start
	 * while the sources and the history disagree or a migration is pending (a deploy that
	 * migrates from a job); "none" leaves the database alone.
	 */
	private Startup startup = Startup.MIGRATE;

	/**
	 * Whether the first run adopts a Flyway history in place: "auto" copies Flyway's rows
	 * into Stepwise's history when Stepwise has none; "off" ignores Flyway's table.
	 */
	private FlywayAdoption flywayAdoption = FlywayAdoption.AUTO;

	/**
	 * Flyway's history table to adopt, in the schema of Stepwise's history table.
	 */
	private String flywayTable = "flyway_schema_history";

	/**
	 * Version to migrate up to ("latest" for all); repeatable migrations still run.
	 */
	private @Nullable String target;

	/**
	 * Number of times to retry connecting when the database cannot be reached at first.
	 */
	private int connectRetries = 0;

	/**
	 * Longest wait between connection retries; the wait starts at one second and doubles.
	 */
	private Duration connectRetriesInterval = Duration.ofSeconds(120);

	/**
	 * SQL statements run on the work connection of every run, before anything else.
	 */
	private List<String> initSqls = new ArrayList<>();

	/**
	 * What opens a placeholder in scripts.
	 */
	private String placeholderPrefix = "${";

	/**
	 * What closes a placeholder in scripts.
	 */
	private String placeholderSuffix = "}";

	/**
	 * Whether a location that does not exist fails the start rather than being logged.
	 */
	private boolean failOnMissingLocations = false;

	/**
	 * Whether a ".sql" file in a location that is neither a migration nor a callback fails the
	 * start; when false it is skipped with a warning, as Flyway does by default.
	 */
	private boolean validateMigrationNaming = true;

	/**
	 * Schema (on MySQL and MariaDB, database) that migrations run in and that holds the
	 * history table unless "schema" is set. Default: the connection's own.
	 */
	private @Nullable String defaultSchema;

	/**
	 * Whether to create the default schema and the other managed schemas when they do not
	 * exist.
	 */
	private boolean createSchemas = true;

	/**
	 * Schemas (on MySQL and MariaDB, databases) the migrations manage: the first is the
	 * default schema unless "default-schema" is set; each is created when missing and looked
	 * at before a first run. Default: none.
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * Whether to apply all pending migrations in one transaction, all or none; refused where a
	 * pending migration could not be rolled back with the others (DDL on MySQL, MariaDB, H2).
	 */
	private boolean group = false;

	/**
	 * Whether a script may mix statements that need a transaction with statements that cannot
	 * run in one (CREATE INDEX CONCURRENTLY); such a script then runs without a transaction.
	 */
	private boolean mixed = false;

	private final Rollback rollback = new Rollback();

	private final InstanceRegistry instanceRegistry = new InstanceRegistry();

	private final BackgroundBackfills backgroundBackfills = new BackgroundBackfills();

	public boolean isDriftCheck() {
		return this.driftCheck;
	}

	public void setDriftCheck(boolean driftCheck) {
		this.driftCheck = driftCheck;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public boolean isPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	public void setPlaceholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
	}

	public boolean isOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(boolean outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public boolean isValidateOnMigrate() {
		return this.validateOnMigrate;
	}

	public void setValidateOnMigrate(boolean validateOnMigrate) {
		this.validateOnMigrate = validateOnMigrate;
	}

	public boolean isIgnoreFutureMigrations() {
		return this.ignoreFutureMigrations;
	}

	public void setIgnoreFutureMigrations(boolean ignoreFutureMigrations) {
		this.ignoreFutureMigrations = ignoreFutureMigrations;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public String getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(String baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

	public boolean isFailOnEmptyMigrations() {
		return this.failOnEmptyMigrations;
	}

	public void setFailOnEmptyMigrations(boolean failOnEmptyMigrations) {
		this.failOnEmptyMigrations = failOnEmptyMigrations;
	}

	public Duration getLockWaitTimeout() {
		return this.lockWaitTimeout;
	}

	public void setLockWaitTimeout(Duration lockWaitTimeout) {
		this.lockWaitTimeout = lockWaitTimeout;
	}

	public Duration getDdlLockTimeout() {
		return this.ddlLockTimeout;
	}

	public void setDdlLockTimeout(Duration ddlLockTimeout) {
		this.ddlLockTimeout = ddlLockTimeout;
	}

	public int getDdlRetries() {
		return this.ddlRetries;
	}

	public void setDdlRetries(int ddlRetries) {
		this.ddlRetries = ddlRetries;
	}

	public Duration getDdlRetryBackoff() {
		return this.ddlRetryBackoff;
	}

	public void setDdlRetryBackoff(Duration ddlRetryBackoff) {
		this.ddlRetryBackoff = ddlRetryBackoff;
	}

	public Duration getInstanceStaleness() {
		return this.instanceStaleness;
	}

	public void setInstanceStaleness(Duration instanceStaleness) {
		this.instanceStaleness = instanceStaleness;
	}

	public int getBackfillWorkers() {
		return this.backfillWorkers;
	}

	public void setBackfillWorkers(int backfillWorkers) {
		this.backfillWorkers = backfillWorkers;
	}

	public @Nullable String getInstalledBy() {
		return this.installedBy;
	}

	public void setInstalledBy(@Nullable String installedBy) {
		this.installedBy = installedBy;
	}

	public Charset getEncoding() {
		return this.encoding;
	}

	public void setEncoding(Charset encoding) {
		this.encoding = encoding;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getDefaultSchema() {
		return this.defaultSchema;
	}

	public void setDefaultSchema(@Nullable String defaultSchema) {
		this.defaultSchema = defaultSchema;
	}

	public boolean isCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

	public boolean isFailOnMissingLocations() {
		return this.failOnMissingLocations;
	}

	public void setFailOnMissingLocations(boolean failOnMissingLocations) {
		this.failOnMissingLocations = failOnMissingLocations;
	}

	public boolean isValidateMigrationNaming() {
		return this.validateMigrationNaming;
	}

	public void setValidateMigrationNaming(boolean validateMigrationNaming) {
		this.validateMigrationNaming = validateMigrationNaming;
	}

	public String getPlaceholderPrefix() {
		return this.placeholderPrefix;
	}

	public void setPlaceholderPrefix(String placeholderPrefix) {
		this.placeholderPrefix = placeholderPrefix;
	}

	public String getPlaceholderSuffix() {
		return this.placeholderSuffix;
	}

	public void setPlaceholderSuffix(String placeholderSuffix) {
		this.placeholderSuffix = placeholderSuffix;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public void setTarget(@Nullable String target) {
		this.target = target;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public boolean isGroup() {
		return this.group;
	}

	public void setGroup(boolean group) {
		this.group = group;
	}

	public boolean isMixed() {
		return this.mixed;
	}

	public void setMixed(boolean mixed) {
		this.mixed = mixed;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public Startup getStartup() {
		return this.startup;
	}

	public void setStartup(Startup startup) {
		this.startup = startup;
	}

	public FlywayAdoption getFlywayAdoption() {
		return this.flywayAdoption;
	}

	public void setFlywayAdoption(FlywayAdoption flywayAdoption) {
		this.flywayAdoption = flywayAdoption;
	}

	public String getFlywayTable() {
		return this.flywayTable;
	}

	public void setFlywayTable(String flywayTable) {
		this.flywayTable = flywayTable;
	}

	/**
	 * What the application does with its migrations at start-up.
	 */
	public enum Startup {

		/** Apply what is pending. */
		MIGRATE,

		/** Refuse to start unless the history is valid and nothing is pending. */
		VALIDATE,

		/** Leave the database alone. */
		NONE

	}

	public Rollback getRollback() {
		return this.rollback;
	}

	public InstanceRegistry getInstanceRegistry() {
		return this.instanceRegistry;
	}

	public BackgroundBackfills getBackgroundBackfills() {
		return this.backgroundBackfills;
	}

	/**
	 * Operations that change the schema on request, through the Actuator endpoint.
	 */
	public static class Rollback {

		/**
		 * Whether the "migrations" Actuator endpoint may roll back, migrate, contract and repair.
		 * Protect the endpoint (Spring Security) before enabling it.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * This application instance's entry in the registry that deferred contracts consult.
	 */
	public static class InstanceRegistry {

		/**
		 * Whether to register this instance, with the highest migration version its code
		 * contains, keep its heartbeat and retry deferred contracts in the background.
		 */
		private boolean enabled = true;

		/**
		 * Time between heartbeats; each is followed by a retry of the deferred contracts.
		 */
		private Duration heartbeatInterval = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

	}

	/**
	 * Backfills that expands leave to run after start-up, and those a crash interrupted.
	 */
	public static class BackgroundBackfills {

		/**
		 * Whether to run them in the background while the application serves.
		 */
		private boolean enabled = true;

		/**
		 * Time between two looks for unfinished backfills; the first is right after start.
		 */
		private Duration checkInterval = Duration.ofMinutes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getCheckInterval() {
			return this.checkInterval;
		}

		public void setCheckInterval(Duration checkInterval) {
			this.checkInterval = checkInterval;
		}

	}

}
