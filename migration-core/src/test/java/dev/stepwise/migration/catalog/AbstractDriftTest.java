package dev.stepwise.migration.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift: the live database against what its applied migrations make in a shadow database
 * created on the same server and dropped afterwards.
 */
abstract class AbstractDriftTest {

	@TempDir
	Path migrations;

	private TestDatabase database;

	@BeforeEach
	void scripts(TestDatabase database) throws IOException {
		this.database = database;
		database.reset();
		Files.writeString(this.migrations.resolve("V1__create_customer.sql"),
				"CREATE TABLE customer (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL, name VARCHAR(100));\n");
		Files.writeString(this.migrations.resolve("V2__index_email.sql"),
				"CREATE INDEX customer_email_idx ON customer (email);\n");
		// Pending: drift compares with what was applied, not with what will be.
		Files.writeString(this.migrations.resolve("V3__add_phone.sql"),
				"ALTER TABLE customer ADD COLUMN phone VARCHAR(20);\n");
	}

	@Test
	void aDatabaseThatOnlyTheMigrationsTouchedHasNoDrift() {
		Stepwise live = configuration().apply(this.database.dataSource()).target("2").load();
		live.migrate();
		try (ShadowDatabase shadow = shadow()) {
			CatalogDiff drift = MigrationsSchema.drift(live, configuration(), shadow);
			assertThat(drift.toString()).isEmpty();
		}
	}

	@Test
	void aHandMadeIndexAndAHandChangedColumnAreReported() throws SQLException {
		Stepwise live = configuration().apply(this.database.dataSource()).target("2").load();
		live.migrate();
		execute("CREATE INDEX customer_name_idx ON customer (name)");
		execute(alterNameToLonger());
		try (ShadowDatabase shadow = shadow()) {
			CatalogDiff drift = MigrationsSchema.drift(live, configuration(), shadow);
			assertThat(drift.differences()).extracting(Difference::describe)
				.map(String::toLowerCase)
				.anySatisfy((line) -> assertThat(line).startsWith("+ index customer.customer_name_idx"))
				.anySatisfy((line) -> assertThat(line).startsWith("~ column customer.name").contains("200"))
				.hasSize(2);
		}
		assertThat(shadowDatabasesLeft()).isZero();
	}

	abstract String alterNameToLonger();

	abstract int shadowDatabasesLeft() throws SQLException;

	Function<DataSource, StepwiseConfiguration.Builder> configuration() {
		return (dataSource) -> Stepwise.configure()
			.dataSource(dataSource)
			.locations(List.of("filesystem:" + this.migrations));
	}

	ShadowDatabase shadow() {
		return ShadowDatabase.create(this.database.url(), ShadowDatabase.Connector.driverManager(null, null));
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	int count(String sql) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

}
