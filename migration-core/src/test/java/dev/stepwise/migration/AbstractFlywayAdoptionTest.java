package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import dev.stepwise.migration.api.FlywayAdoption;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.StepwiseInfo;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Adopting a database that Flyway itself migrated: Flyway applies versioned and repeatable
 * scripts and runs a callback, then Stepwise takes over in place, on every database.
 */
abstract class AbstractFlywayAdoptionTest extends AbstractEmptyDatabaseTest {

	private Instant flywayStarted;

	private Instant flywayFinished;

	@BeforeEach
	void flywayMigratedSchema() {
		this.scripts.write("V1__create_customers.sql", """
				CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);
				CREATE TABLE callback_log (event VARCHAR(50) NOT NULL);
				""")
			.write("U1__create_customers.sql", "DROP TABLE callback_log;\nDROP TABLE customers;\n")
			.write("V2__add_email.sql", "ALTER TABLE customers ADD COLUMN email VARCHAR(200);\n")
			.write("U2__add_email.sql", "ALTER TABLE customers DROP COLUMN email;\n")
			.write("R__customer_names.sql", "CREATE OR REPLACE VIEW customer_names AS SELECT id, name FROM customers;\n")
			.write("afterMigrate.sql", "INSERT INTO callback_log (event) VALUES ('afterMigrate');\n");
		this.flywayStarted = Instant.now();
		Flyway.configure().dataSource(this.database.dataSource()).locations(this.scripts.location()).load().migrate();
		this.flywayFinished = Instant.now();
	}

	@Test
	void adoptsEveryFlywayRowSoThatNothingRunsAgain() {
		List<String> flywayBefore = flywayRows();
		assertThat(this.sql.column("SELECT event FROM callback_log")).containsExactly("afterMigrate");
		Stepwise stepwise = configure().load();

		assertThat(stepwise.migrate().applied()).isEmpty();

		assertThat(this.sql.column("SELECT version FROM stepwise_history WHERE type <> 'ADOPTION'"
				+ " ORDER BY installed_rank")).containsExactly("1", "2", null);
		List<String> columns = List.of("installed_rank", "version", "description", "type", "script", "checksum",
				"installed_by", "execution_time", "success");
		assertThat(historyColumns(String.join(", ", columns), "stepwise_history WHERE type <> 'ADOPTION'",
				"installed_rank"))
			.isEqualTo(historyColumns(String.join(", ", columns.stream().map(this::quote).toList()), flywayTable()
					+ " WHERE " + quote("type") + " <> 'TABLE'", quote("installed_rank")));
		assertThat(this.sql.column("SELECT type FROM stepwise_history ORDER BY installed_rank DESC")).first()
			.isEqualTo("ADOPTION");
		stepwise.validate();
		StepwiseInfo info = stepwise.info();
		assertThat(info.currentVersion()).hasToString("2");
		assertThat(info.migrations()).extracting(MigrationInfo::script, MigrationInfo::state, MigrationInfo::adopted)
			.containsExactly(tuple("V1__create_customers.sql", MigrationState.APPLIED, true),
					tuple("V2__add_email.sql", MigrationState.APPLIED, true),
					tuple("R__customer_names.sql", MigrationState.APPLIED, true));
		assertThat(configure().load().migrate().applied()).isEmpty();
		assertThat(this.sql.count("SELECT COUNT(*) FROM customers")).isZero();
		assertThat(flywayRows()).isEqualTo(flywayBefore);
	}

	@Test
	void rollsBackTheNewestAdoptedVersionWithItsUndoScript() {
		List<String> flywayBefore = flywayRows();
		Stepwise stepwise = configure().load();
		stepwise.migrate();

		assertThat(stepwise.rollbackLast(1).rolledBack()).extracting((step) -> step.version().toString())
			.containsExactly("2");

		assertThat(this.sql.columns("customers")).containsExactlyInAnyOrder("id", "name");
		assertThat(stepwise.info().migrations()).filteredOn((migration) -> migration.version() != null)
			.extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.ROLLED_BACK);
		assertThat(flywayRows()).isEqualTo(flywayBefore);
	}

	@Test
	void appliesOnlyWhatFlywayHadNotApplied() {
		this.scripts.write("V3__add_age.sql", "ALTER TABLE customers ADD COLUMN age INT;\n");

		assertThat(configure().load().migrate().applied()).extracting((step) -> step.version().toString())
			.containsExactly("3");

		assertThat(this.sql.columns("customers")).containsExactlyInAnyOrder("id", "name", "email", "age");
		assertThat(this.sql.column("SELECT version FROM stepwise_history WHERE version IS NOT NULL"
				+ " ORDER BY installed_rank")).containsExactly("1", "2", "3");
	}

	@Test
	void refusesAFailedFlywayRowAndNamesTheFix() {
		// Flyway leaves a failed row where DDL commits by itself (MySQL); made here on every database.
		this.sql.execute("UPDATE " + flywayTable() + " SET " + quote("success") + " = " + falseLiteral() + " WHERE "
				+ quote("version") + " = '2'");
		List<String> flywayBefore = flywayRows();

		assertThatThrownBy(() -> configure().load().migrate()).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("Cannot adopt Flyway's history")
			.hasMessageContaining("V2__add_email.sql failed under Flyway")
			.hasMessageContaining("flyway repair")
			.hasMessageContaining("nothing was changed");

		assertThat(stepwiseHistoryRows()).isZero();
		assertThat(flywayRows()).isEqualTo(flywayBefore);
	}

	@Test
	void refusesAScriptEditedSinceFlywayAppliedItAndNamesTheFix() {
		this.scripts.write("V1__create_customers.sql", "CREATE TABLE customers (id BIGINT PRIMARY KEY);\n");

		assertThatThrownBy(() -> configure().load().migrate()).isInstanceOf(MigrationValidationException.class)
			.hasMessageContaining("V1__create_customers.sql was changed after Flyway applied it")
			.hasMessageContaining("flyway repair");
		assertThatThrownBy(() -> configure().load().validate()).hasMessageContaining("Cannot adopt");

		assertThat(stepwiseHistoryRows()).isZero();
	}

	@Test
	void resumesAnAdoptionThatLeftAnEmptyHistoryTable() {
		// An adoption interrupted after creating the table (DDL commits by itself on MySQL and H2).
		Stepwise.configure().dataSource(this.database.dataSource()).locations(this.scripts.location())
			.flywayAdoption(FlywayAdoption.OFF).validateOnMigrate(false).load().baseline("2");
		this.sql.execute("DELETE FROM stepwise_history");

		assertThat(configure().load().migrate().applied()).isEmpty();

		assertThat(this.sql.column("SELECT version FROM stepwise_history WHERE version IS NOT NULL"
				+ " ORDER BY installed_rank")).containsExactly("1", "2");
	}

	@Test
	void offLeavesFlywayHistoryAlone() {
		Stepwise stepwise = configure().flywayAdoption(FlywayAdoption.OFF).baselineOnMigrate(true)
			.baselineVersion("2").load();

		assertThat(stepwise.migrate().applied()).extracting((step) -> step.script()).containsExactly("R__customer_names.sql");

		assertThat(this.sql.column("SELECT type FROM stepwise_history ORDER BY installed_rank"))
			.containsExactly(MigrationType.BASELINE.name(), MigrationType.SQL.name());
	}

	@Test
	void adoptsAFlywayTableOfAnotherName() {
		this.database.reset();
		Flyway.configure().dataSource(this.database.dataSource()).locations(this.scripts.location()).table("schema_log")
			.load().migrate();

		assertThat(configure().flywayTable("schema_log").load().migrate().applied()).isEmpty();

		assertThat(this.sql.count("SELECT COUNT(*) FROM stepwise_history WHERE type <> 'ADOPTION'")).isEqualTo(3);
	}

	@Test
	void readsFlywaysTimesInTheDatabaseSessionsZoneNotTheJvms() {
		// Flyway's installed_on has no zone: the database wrote its wall-clock time in the session's zone.
		ZoneId flywaySessionZone = ZoneId.systemDefault();
		TimeZone jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone(flywaySessionZone.getRules().getOffset(Instant.now()).getTotalSeconds()
				>= 0 ? "Pacific/Pago_Pago" : "Pacific/Kiritimati"));
		try {
			// Unpooled: each connection is opened in the JVM's new zone; the session's zone stays Flyway's.
			Stepwise stepwise = Stepwise.configure()
				.dataSource(this.database.url(), null, null)
				.locations(this.scripts.location())
				.initSqls(List.of(setSessionZone(flywaySessionZone)))
				.load();

			stepwise.migrate();

			assertThat(stepwise.info().migrations()).extracting(MigrationInfo::installedOn)
				.hasSize(3)
				.allSatisfy((installedOn) -> assertThat(installedOn)
					.isBetween(this.flywayStarted.minusSeconds(5), this.flywayFinished.plusSeconds(5)));
		}
		finally {
			TimeZone.setDefault(jvmZone);
		}
	}

	private String setSessionZone(ZoneId zone) {
		if (type().isMySqlFamily()) {
			// Named zones need MariaDB's time zone tables; an offset needs nothing.
			int minutes = zone.getRules().getOffset(Instant.now()).getTotalSeconds() / 60;
			return String.format("SET time_zone = '%s%02d:%02d'", (minutes < 0) ? "-" : "+", Math.abs(minutes) / 60,
					Math.abs(minutes) % 60);
		}
		return "SET TIME ZONE '" + zone.getId() + "'";
	}

	private int stepwiseHistoryRows() {
		return this.sql.tableExists("stepwise_history") ? this.sql.count("SELECT COUNT(*) FROM stepwise_history") : 0;
	}

	private String falseLiteral() {
		return type().isMySqlFamily() ? "0" : "FALSE";
	}

	/** Flyway quotes its names, so on H2 they stay lower case. */
	private String quote(String name) {
		return type().quote(name);
	}

	private String flywayTable() {
		return quote("flyway_schema_history");
	}

	private List<String> flywayRows() {
		return historyColumns("*", flywayTable(), quote("installed_rank"));
	}

	private List<String> historyColumns(String columns, String from, String orderBy) {
		String query = "SELECT " + columns + " FROM " + from + " ORDER BY " + orderBy;
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			ResultSetMetaData metaData = result.getMetaData();
			List<String> rows = new ArrayList<>();
			while (result.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= metaData.getColumnCount(); i++) {
					Object value = result.getObject(i);
					values.add((value instanceof Boolean flag) ? (flag ? "1" : "0") : String.valueOf(value));
				}
				rows.add(String.join("|", values));
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(query, ex);
		}
	}

}
