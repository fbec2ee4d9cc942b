package dev.stepwise.migration.expand;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.api.SchemaMovedOnException;
import dev.stepwise.migration.backfill.Backfill;
import dev.stepwise.migration.backfill.TableRows;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.dialect.StateTables;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Schema;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The contract's safety against instances that come and go, and the state tables it
 * relies on: where they live, what read paths do to them, and what their times mean.
 * Each test starts from an empty database, since the registry and the expansions are
 * shared by everything in it.
 */
abstract class AbstractDeployAwareContractIntegrationTest {

	private static final MigrationVersion V1 = MigrationVersion.parse("1");

	private static final MigrationVersion V2 = MigrationVersion.parse("2");

	@TempDir
	Path scripts;

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	private DataSource dataSource() {
		return this.database.dataSource();
	}

	private DatabaseType type() {
		return DatabaseType.valueOf(this.database.type().name());
	}

	@BeforeEach
	void emptyDatabase(TestDatabase database) {
		this.database = database;
		database.reset();
	}

	private void createAccounts(String table, int rows) throws SQLException {
		StringBuilder values = new StringBuilder();
		for (int i = 1; i <= rows; i++) {
			values.append((i > 1) ? ", " : "").append("(").append(i).append(", 'name ").append(i).append("')");
		}
		TableRows.execute(dataSource(), "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(50))",
				"INSERT INTO " + table + " (id, name) VALUES " + values);
	}

	private Expansions expansions() {
		return new Expansions(dataSource(), type(), EngineSettings.defaults(dataSource()))
			.targetBatchDuration(Duration.ofMillis(5));
	}

	private List<String> columns(String table) throws SQLException {
		return Catalogue.columns(dataSource(), type(), table);
	}

	@Test
	void oldInstanceRegisteringWhileTheContractBackfillsDefersTheDrop() throws SQLException {
		createAccounts("accounts_switch_back", 200);
		expansions().expand(ColumnChange.renameColumn("accounts_switch_back", "name", "holder").backfillInBackground(), V2);
		InstanceRegistry registry = expansions().instances();
		AtomicBoolean registered = new AtomicBoolean();
		// A blue-green switch back: the old release starts while the contract finishes the backfill.
		Expansions contracting = expansions().backfillListener((progress) -> {
			if (registered.compareAndSet(false, true)) {
				try {
					registry.register("switched-back", "host-old", V1);
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
		});

		ContractResult result = contracting.contract("accounts_switch_back.holder");
		assertThat(registered).isTrue();
		assertThat(result.deferred()).isTrue();
		assertThat(result.waitingFor()).extracting(RegisteredInstance::instanceId).containsExactly("switched-back");
		assertThat(columns("accounts_switch_back")).anySatisfy((column) -> assertThat(column).startsWith("name "));
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM accounts_switch_back WHERE name IS NOT NULL"))
			.as("old code still reads its column").isEqualTo(200);

		registry.deregister("switched-back");
		assertThat(contracting.retryDeferredContracts()).singleElement()
			.satisfies((retried) -> assertThat(retried.contracted()).isTrue());
		assertThat(columns("accounts_switch_back")).noneSatisfy((column) -> assertThat(column).startsWith("name "));
	}

	@Test
	void oldInstanceStartingAfterTheDropIsRefusedBecauseTheSchemaMovedOn() throws SQLException {
		createAccounts("accounts_moved_on", 5);
		Expansions expansions = expansions();
		expansions.expand(ColumnChange.renameColumn("accounts_moved_on", "name", "label"), V2);
		assertThat(expansions.contract("accounts_moved_on.label").contracted()).isTrue();
		InstanceRegistry registry = expansions.instances();

		assertThatExceptionOfType(SchemaMovedOnException.class)
			.isThrownBy(() -> registry.register("old-pod", "host-old", V1))
			.withMessageContaining("Instance old-pod on host-old cannot start")
			.withMessageContaining("the schema has moved on")
			.satisfies((ex) -> assertThat(ex.getMessage()).containsIgnoringCase("accounts_moved_on.name (expanded by version 2"))
			.withMessageContaining("Deploy a release whose migrations include those versions");
		assertThat(registry.instances()).isEmpty();

		registry.register("new-pod", "host-new", V2);
		assertThat(registry.instances()).extracting(RegisteredInstance::instanceId).containsExactly("new-pod");
		// Once the contract is undone, the old release may run again.
		expansions.undoContract("accounts_moved_on.label");
		registry.register("old-pod", "host-old", V1);
		assertThat(registry.instances()).extracting(RegisteredInstance::instanceId).containsExactly("new-pod", "old-pod");
	}

	@Test
	void readPathsCreateNoStateTable() throws SQLException {
		Stepwise stepwise = Stepwise.configure().dataSource(dataSource()).locations("filesystem:" + this.scripts).load();
		stepwise.info();
		assertThat(stepwise.expansions()).isEmpty();
		assertThat(stepwise.backfills()).isEmpty();
		assertThat(stepwise.instances().instances()).isEmpty();
		assertThat(stepwise.instances().heartbeat("not-registered")).isFalse();
		stepwise.instances().deregister("not-registered");
		assertThat(stepwise.retryDeferredContracts()).isEmpty();
		assertThat(stepwise.resumeBackfills()).isEmpty();
		assertThat(expansions().list()).isEmpty();
		assertThat(expansions().retryDeferredContracts()).isEmpty();
		assertThat(expansions().instances().decideContract(V2, Duration.ofMinutes(2)).ready()).isTrue();
		assertThat(Backfill.progress(dataSource(), type())).isEmpty();

		try (Connection connection = dataSource().getConnection()) {
			Dialect dialect = Dialect.of(connection);
			String schema = dialect.currentSchema(connection);
			for (String table : List.of(StateTables.EXPANSIONS, StateTables.BACKFILLS, StateTables.INSTANCES,
					"stepwise_history")) {
				assertThat(dialect.tableExists(connection, schema, table)).as(table).isFalse();
			}
		}
	}

	@Test
	void stateTablesLiveInTheConfiguredSchema() throws SQLException {
		String schema = this.database.name() + "_state";
		createAccounts("accounts_schema", 40);
		try {
			Stepwise stepwise = Stepwise.configure()
				.dataSource(dataSource())
				.schema(schema)
				.locations("filesystem:" + this.scripts)
				.javaMigrations(new V1__Expand_accounts_schema())
				.load();
			stepwise.migrate();
			stepwise.instances().register("pod", "host", MigrationVersion.parse("0.9"));

			assertThat(stepwise.expansions()).singleElement().satisfies((expansion) -> {
				assertThat(expansion.id()).isEqualTo("accounts_schema.holder");
				assertThat(expansion.backfill()).isNotNull();
				assertThat(expansion.backfill().done()).isTrue();
			});
			assertThat(stepwise.backfills()).extracting(BackfillProgress::name).contains("expand:accounts_schema.holder");
			assertThat(stepwise.instances().instances()).extracting(RegisteredInstance::instanceId).containsExactly("pod");
			try (Connection connection = dataSource().getConnection()) {
				Dialect dialect = Dialect.of(connection);
				String current = dialect.currentSchema(connection);
				for (String table : List.of(StateTables.EXPANSIONS, StateTables.BACKFILLS, StateTables.INSTANCES,
						"stepwise_history")) {
					assertThat(dialect.tableExists(connection, schema, table)).as(table + " in " + schema).isTrue();
					assertThat(dialect.tableExists(connection, current, table)).as(table + " in " + current).isFalse();
				}
			}
			TableRows.execute(dataSource(), "INSERT INTO accounts_schema (id, name) VALUES (1001, 'old code')");
			assertThat(TableRows.query(dataSource(), "SELECT holder FROM accounts_schema WHERE id = 1001"))
				.as("the sync trigger finds its change in " + schema).containsExactly(List.of("old code"));
			// The instance registered with code older than the expand: the contract waits for it.
			assertThat(stepwise.contract("accounts_schema.holder").waitingFor()).extracting(RegisteredInstance::instanceId)
				.containsExactly("pod");
		}
		finally {
			if (type().isMySqlFamily()) {
				TableRows.execute(dataSource(), "DROP DATABASE IF EXISTS " + schema);
			}
		}
	}

	@Test
	void stateTimesAreInstantsWhateverTheJvmTimeZone() throws SQLException {
		createAccounts("accounts_zones", 30);
		TimeZone original = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
			Instant before = Instant.now();
			Backfill.of(dataSource(), type(), "accounts_zones").named("zones").set("name", "name").run();
			Instant after = Instant.now();
			expansions().instances().register("zoned", "host", V1);
			for (String zone : List.of("Asia/Tokyo", "America/New_York", "UTC")) {
				TimeZone.setDefault(TimeZone.getTimeZone(zone));
				assertThat(Backfill.progress(dataSource(), type())).singleElement()
					.satisfies((progress) -> assertThat(progress.updatedAt()).as("read under " + zone)
						.isBetween(before, after));
				assertThat(expansions().instances().instances()).singleElement().satisfies((instance) -> {
					// The database's clock, on this machine: the same as the JVM's, give or take a little.
					assertThat(instance.heartbeatAt()).as("read under " + zone)
						.isBetween(before.minusSeconds(60), Instant.now().plusSeconds(60));
					assertThat(instance.silence()).as("read under " + zone).isLessThan(Duration.ofMinutes(1));
				});
			}
		}
		finally {
			TimeZone.setDefault(original);
		}
	}

	@Test
	@Timeout(120)
	void expandOnAPoolTooSmallRefusesAtOnceNamingThePoolSizeItNeeds() throws SQLException {
		createAccounts("accounts_pool", 40);
		try (HikariDataSource two = pool(2)) {
			Stepwise stepwise = Stepwise.configure()
				.dataSource(two)
				.locations("filesystem:" + this.scripts)
				.javaMigrations(new V1__Expand_accounts_pool())
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(stepwise::migrate)
				.withMessageContaining("needs 1 connection(s) of its own while the run's lock and its migration hold 2")
				.withMessageContaining("the connection pool allows 2")
				.withMessageContaining("at least 3")
				.withMessageContaining("maximum-pool-size");
		}
		assertThat(columns("accounts_pool")).noneSatisfy((column) -> assertThat(column).startsWith("holder "));
		try (HikariDataSource three = pool(3)) {
			Stepwise stepwise = Stepwise.configure()
				.dataSource(three)
				.locations("filesystem:" + this.scripts)
				.javaMigrations(new V1__Expand_accounts_pool())
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load();
			// The expand's backfill fits with one worker instead of two.
			stepwise.migrate();
			assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM accounts_pool WHERE holder = name"))
				.isEqualTo(40);
			// The contract's last step holds the registry's lock and a work connection next to the run's two.
			assertThatIllegalStateException().isThrownBy(() -> stepwise.contract("accounts_pool.holder"))
				.withMessageContaining("at least 4");
		}
		assertThat(columns("accounts_pool")).anySatisfy((column) -> assertThat(column).startsWith("name "));
	}

	/** A pool of {@code size} that waits for a free connection for ever, as {@code connection-timeout=0} does. */
	private HikariDataSource pool(int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.database.url());
		config.setMaximumPoolSize(size);
		config.setConnectionTimeout(0);
		return new HikariDataSource(config);
	}

	static class V1__Expand_accounts_schema extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.expand(ColumnChange.renameColumn("accounts_schema", "name", "holder"));
		}

	}

	static class V1__Expand_accounts_pool extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.expand(ColumnChange.renameColumn("accounts_pool", "name", "holder"));
		}

	}

}
