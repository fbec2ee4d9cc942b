package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.testsupport.TestDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The settings a team moving from Flyway reaches for: {@code target}, {@code initSqls},
 * {@code connectRetries}, on every database.
 */
abstract class AbstractFlywaySettingsTest extends AbstractEmptyDatabaseTest {

	@BeforeEach
	void orderMigrations() {
		this.scripts.write("V1__create_orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY);\n")
			.write("V2__add_total.sql", "ALTER TABLE orders ADD COLUMN total INT;\n")
			.write("V3__add_status.sql", "ALTER TABLE orders ADD COLUMN status VARCHAR(20);\n")
			.write("R__order_ids.sql", "CREATE OR REPLACE VIEW order_ids AS SELECT id FROM orders;\n");
	}

	@Test
	void targetAppliesUpToItsVersionAndALaterRunTheRest() {
		assertThat(configure().target("2").load().migrate().applied()).extracting(ExecutedMigration::script)
			.containsExactly("V1__create_orders.sql", "V2__add_total.sql", "R__order_ids.sql");
		assertThat(this.sql.columns("orders")).containsExactlyInAnyOrder("id", "total");

		assertThat(configure().target("latest").load().migrate().applied()).extracting(ExecutedMigration::script)
			.containsExactly("V3__add_status.sql");
		assertThat(this.sql.columns("orders")).containsExactlyInAnyOrder("id", "total", "status");
	}

	@Test
	void versionsAboveTheTargetAreNotPendingAndValidatePasses() {
		Stepwise stepwise = configure().target("2").load();
		stepwise.migrate();

		// As Flyway's info and validate with a target: V3 is above it, which is not pending.
		assertThat(stepwise.info().migrations()).extracting(MigrationInfo::script, MigrationInfo::state)
			.containsExactly(tuple("V1__create_orders.sql", MigrationState.APPLIED),
					tuple("V2__add_total.sql", MigrationState.APPLIED),
					tuple("V3__add_status.sql", MigrationState.ABOVE_TARGET),
					tuple("R__order_ids.sql", MigrationState.APPLIED));
		assertThat(stepwise.info().pending()).isEmpty();
		stepwise.validate();
		assertThat(stepwise.migrate().applied()).isEmpty();
		assertThat(configure().load().info().pending()).extracting(MigrationInfo::script)
			.containsExactly("V3__add_status.sql");
	}

	@Test
	void initSqlsRunOnTheWorkConnectionBeforeAnythingElse() {
		// A schema that Stepwise already manages: a table made before the first run would rightly
		// make an unknown schema refuse.
		configure().load().migrate();
		configure().initSqls(List.of("CREATE TABLE IF NOT EXISTS init_marker (id INT)")).load().migrate();

		assertThat(this.sql.tableExists("init_marker")).isTrue();
		assertThatThrownBy(() -> configure().initSqls(List.of("NOT SQL AT ALL")).load().info())
			.isInstanceOf(StepwiseException.class)
			.hasMessageContaining("init SQL \"NOT SQL AT ALL\" failed")
			.hasMessageContaining("stepwise.init-sqls");
	}

	@Test
	void connectRetriesWaitForADatabaseThatIsStillStarting() {
		StartingDatabase starting = new StartingDatabase(this.database.dataSource(), 2);
		assertThatThrownBy(() -> configure().dataSource(starting).load().migrate())
			.hasMessageContaining("Could not connect to the database");

		StartingDatabase again = new StartingDatabase(this.database.dataSource(), 2);
		assertThat(configure().dataSource(again).connectRetries(2).connectRetriesInterval(Duration.ZERO).load()
			.migrate().applied()).hasSize(4);
		assertThat(again.attempts.get()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void flywaysBuiltInPlaceholdersHaveTheirValuesUnderBothPrefixes() throws SQLException {
		this.scripts.write("V4__facts.sql", """
				CREATE TABLE facts (name VARCHAR(50), fact VARCHAR(200));
				INSERT INTO facts (name, fact) VALUES ('schema', '${flyway:defaultSchema}');
				INSERT INTO facts (name, fact) VALUES ('user', '${flyway:user}');
				INSERT INTO facts (name, fact) VALUES ('database', '${flyway:database}');
				INSERT INTO facts (name, fact) VALUES ('filename', '${flyway:filename}');
				INSERT INTO facts (name, fact) VALUES ('table', '${flyway:table}');
				INSERT INTO facts (name, fact) VALUES ('timestamp', '${flyway:timestamp}');
				INSERT INTO facts (name, fact) VALUES ('stepwise', '${stepwise:table} ${stepwise:filename}');
				""");

		configure().load().migrate();

		String schema;
		String user;
		String database;
		try (Connection connection = this.database.dataSource().getConnection()) {
			schema = dev.stepwise.migration.internal.dialect.Dialect.of(connection).currentSchema(connection);
			user = connection.getMetaData().getUserName();
			database = connection.getCatalog();
		}
		assertThat(fact("schema")).isEqualTo(schema);
		assertThat(fact("user")).isEqualTo(user);
		assertThat(fact("database")).isEqualTo(database);
		assertThat(fact("filename")).isEqualTo("V4__facts.sql");
		assertThat(fact("table")).isEqualTo("stepwise_history");
		assertThat(fact("timestamp")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(fact("stepwise")).isEqualTo("stepwise_history V4__facts.sql");
	}

	@Test
	void placeholderPrefixAndSuffixAreConfigurable() {
		this.scripts.write("V4__owner.sql", """
				CREATE TABLE owners (name VARCHAR(50));
				INSERT INTO owners (name) VALUES ('#[owner]');
				INSERT INTO owners (name) VALUES ('${kept}');
				""");

		configure().placeholder("owner", "billing").placeholderPrefix("#[").placeholderSuffix("]").load().migrate();

		assertThat(this.sql.column("SELECT name FROM owners ORDER BY name")).containsExactly("${kept}", "billing");
	}

	@Test
	void failOnMissingLocationsRefusesALocationThatDoesNotExist() {
		String missing = this.scripts.location() + "/no-such-folder";
		assertThat(configure().locations(this.scripts.location(), missing).load().migrate().applied()).hasSize(4);

		this.database.reset();
		assertThatThrownBy(() -> configure().locations(this.scripts.location(), missing).failOnMissingLocations(true)
			.load().migrate()).hasMessageContaining("no-such-folder does not exist")
			.hasMessageContaining("stepwise.fail-on-missing-locations");
		assertThat(this.sql.tableExists("orders")).isFalse();
	}

	@Test
	void validateMigrationNamingOffSkipsWhatIsNotAMigrationAsFlywayDoes() {
		this.scripts.write("V4_missing_underscore.sql", "DROP TABLE orders;\n");
		assertThatThrownBy(() -> configure().load().migrate()).hasMessageContaining("not a migration name");

		assertThat(configure().validateMigrationNaming(false).load().migrate().applied()).hasSize(4);
		assertThat(this.sql.tableExists("orders")).isTrue();
	}

	@Test
	void defaultSchemaIsWhereMigrationsRunAndIsCreatedWhenMissing() throws SQLException {
		String schema = this.database.name() + "_billing";
		String before;
		try (Connection connection = this.database.dataSource().getConnection()) {
			before = currentSchema(connection);
		}
		try {
			configure().defaultSchema(schema).load().migrate();

			try (Connection connection = this.database.dataSource().getConnection()) {
				assertThat(tables(connection, schema)).contains("orders", "stepwise_history");
				assertThat(tables(connection, before)).doesNotContain("orders", "stepwise_history");
				assertThat(currentSchema(connection)).isEqualTo(before);
			}
			assertThatThrownBy(() -> configure().defaultSchema(schema + "_x").createSchemas(false).load().migrate())
				.isInstanceOf(StepwiseException.class)
				.hasMessageContaining(schema + "_x does not exist")
				.hasMessageContaining("stepwise.create-schemas");
		}
		finally {
			dropSchema(schema);
			dropSchema(schema + "_x");
		}
	}

	@Test
	void groupAppliesAllPendingMigrationsOrNone() {
		configure().load().migrate();
		this.scripts.write("V4__first_order.sql", "INSERT INTO orders (id) VALUES (1);\n")
			.write("V5__more_orders.sql", "INSERT INTO orders (id) VALUES (2);\nINSERT INTO orders (id) VALUES (1);\n");

		assertThatThrownBy(() -> configure().group(true).load().migrate()).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("V5__more_orders.sql (version 5) failed at line 2")
			.hasMessageContaining("stepwise.group=true")
			.hasMessageContaining("none of V4__first_order.sql, V5__more_orders.sql was applied");

		assertThat(this.sql.count("SELECT COUNT(*) FROM orders")).isZero();
		assertThat(this.sql.column("SELECT version FROM stepwise_history WHERE version IS NOT NULL"
				+ " ORDER BY installed_rank")).containsExactly("1", "2", "3");
		this.scripts.write("V5__more_orders.sql", "INSERT INTO orders (id) VALUES (2);\n");
		assertThat(configure().group(true).load().migrate().applied()).extracting(ExecutedMigration::script)
			.containsExactly("V4__first_order.sql", "V5__more_orders.sql");
		assertThat(this.sql.count("SELECT COUNT(*) FROM orders")).isEqualTo(2);
		assertThat(configure().load().info().pending()).isEmpty();
	}

	@Test
	void groupRollsBackDdlWhereItIsTransactionalAndIsRefusedWhereItCommitsByItself() {
		this.scripts.write("V4__create_customers.sql", "CREATE TABLE customers (id INT PRIMARY KEY);\n")
			.write("V5__broken.sql", "INSERT INTO no_such_table (id) VALUES (1);\n");
		Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> configure().group(true).load().migrate());

		if (type() == DatabaseType.POSTGRESQL) {
			assertThat(failure).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("V5__broken.sql (version 5) failed")
				.hasMessageContaining("none of V1__create_orders.sql");
		}
		else {
			// DDL commits by itself here: the group is refused before any migration runs.
			assertThat(failure).isInstanceOf(StepwiseException.class)
				.hasMessageContaining("could not be rolled back as one group")
				.hasMessageContaining("V1__create_orders.sql has a statement that commits by itself")
				.hasMessageContaining("V4__create_customers.sql has a statement that commits by itself")
				.hasMessageContaining("No migration was applied")
				.hasMessageContaining("stepwise.group=false");
		}
		assertThat(this.sql.tableExists("orders")).isFalse();
		assertThat(this.sql.tableExists("customers")).isFalse();
		assertThat(this.sql.count("SELECT COUNT(*) FROM stepwise_history")).isZero();
	}

	@Test
	void schemasAreAllCreatedTheFirstHoldsTheHistoryAndAllAreCheckedBeforeAFirstRun() throws SQLException {
		String app = this.database.name() + "_app";
		String audit = this.database.name() + "_audit";
		this.scripts.write("V4__audit_log.sql", "CREATE TABLE ${audit}.audit_log (id INT);\n");
		try {
			assertThatThrownBy(() -> configure().schemas(List.of(app, audit)).createSchemas(false).load().migrate())
				.isInstanceOf(StepwiseException.class)
				.hasMessageContaining(app + " does not exist")
				.hasMessageContaining("stepwise.create-schemas");

			configure().schemas(List.of(app, audit)).placeholder("audit", quoted(audit)).load().migrate();

			try (Connection connection = this.database.dataSource().getConnection()) {
				assertThat(tables(connection, app)).contains("orders", "stepwise_history");
				assertThat(tables(connection, audit)).containsExactly("audit_log");
			}
			dropSchema(app);
			this.sql.execute("CREATE TABLE " + quoted(audit) + ".legacy (id INT)");
			assertThatThrownBy(() -> configure().schemas(List.of(app, audit)).placeholder("audit", quoted(audit))
				.load()
				.migrate())
				.isInstanceOf(MigrationValidationException.class)
				.hasMessageContaining("The managed schemas " + app + ", " + audit + " are not empty")
				.hasMessageContaining(audit + ".");
		}
		finally {
			dropSchema(app);
			dropSchema(audit);
		}
	}

	private String quoted(String schema) {
		return type().quote(schema);
	}

	private void dropSchema(String schema) {
		boolean mysql = type().isMySqlFamily();
		String quoted = type().quote(schema);
		this.sql.execute(mysql ? "DROP DATABASE IF EXISTS " + quoted : "DROP SCHEMA IF EXISTS " + quoted + " CASCADE");
	}

	private String currentSchema(Connection connection) throws SQLException {
		return dev.stepwise.migration.internal.dialect.Dialect.of(connection).currentSchema(connection);
	}

	private List<String> tables(Connection connection, String schema) throws SQLException {
		boolean mysql = type().isMySqlFamily();
		List<String> tables = new java.util.ArrayList<>();
		try (java.sql.ResultSet result = connection.getMetaData()
			.getTables(mysql ? schema : null, mysql ? null : schema, "%", null)) {
			while (result.next()) {
				tables.add(result.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
			}
		}
		return tables;
	}

	private String fact(String name) {
		return this.sql.column("SELECT fact FROM facts WHERE name = '" + name + "'").get(0);
	}

	/** A database that refuses the first connections, as one that is still starting does. */
	static final class StartingDatabase extends TestDataSource {

		private final DataSource database;

		private final int refusals;

		final AtomicInteger attempts = new AtomicInteger();

		StartingDatabase(DataSource database, int refusals) {
			this.database = database;
			this.refusals = refusals;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.attempts.incrementAndGet() <= this.refusals) {
				throw new SQLException("Connection refused: the database is starting", "08001");
			}
			return this.database.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	}

}
