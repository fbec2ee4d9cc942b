package dev.stepwise.migration;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.testsupport.Scripts;
import dev.stepwise.migration.testsupport.Sql;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings a team moving from Flyway reaches for: {@code target}, {@code initSqls},
 * {@code connectRetries}, on every database.
 */
abstract class AbstractFlywaySettingsTest {

	@TempDir
	Path folder;

	Scripts scripts;

	Sql sql;

	abstract TestDatabaseExtension database();

	@BeforeEach
	void emptyDatabase() {
		database().database().reset();
		this.scripts = new Scripts(this.folder);
		this.sql = new Sql(database().dataSource());
		this.scripts.write("V1__create_orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY);\n")
			.write("V2__add_total.sql", "ALTER TABLE orders ADD COLUMN total INT;\n")
			.write("V3__add_status.sql", "ALTER TABLE orders ADD COLUMN status VARCHAR(20);\n")
			.write("R__order_ids.sql", "CREATE OR REPLACE VIEW order_ids AS SELECT id FROM orders;\n");
	}

	StepwiseConfiguration.Builder configure() {
		return Stepwise.configure().dataSource(database().dataSource()).locations(this.scripts.location());
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
		StartingDatabase starting = new StartingDatabase(database().dataSource(), 2);
		assertThatThrownBy(() -> configure().dataSource(starting).load().migrate())
			.hasMessageContaining("Could not connect to the database");

		StartingDatabase again = new StartingDatabase(database().dataSource(), 2);
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
		try (Connection connection = database().dataSource().getConnection()) {
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

		database().database().reset();
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
		String schema = database().database().name() + "_billing";
		String before;
		try (Connection connection = database().dataSource().getConnection()) {
			before = currentSchema(connection);
		}
		try {
			configure().defaultSchema(schema).load().migrate();

			try (Connection connection = database().dataSource().getConnection()) {
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

	private void dropSchema(String schema) {
		boolean mysql = database().database().type().isMySqlFamily();
		String quoted = database().database().type().quote(schema);
		this.sql.execute(mysql ? "DROP DATABASE IF EXISTS " + quoted : "DROP SCHEMA IF EXISTS " + quoted + " CASCADE");
	}

	private String currentSchema(Connection connection) throws SQLException {
		return dev.stepwise.migration.internal.dialect.Dialect.of(connection).currentSchema(connection);
	}

	private List<String> tables(Connection connection, String schema) throws SQLException {
		boolean mysql = database().database().type().isMySqlFamily();
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
	static final class StartingDatabase implements DataSource {

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

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

}
