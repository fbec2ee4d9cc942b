package dev.stepwise.migration.catalog;

import java.sql.SQLException;

import dev.stepwise.migration.testsupport.TestDatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class DriftPostgresTest extends AbstractDriftTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

	@Override
	String alterNameToLonger() {
		return "ALTER TABLE customer ALTER COLUMN name TYPE varchar(200)";
	}

	@Override
	int shadowDatabasesLeft() throws SQLException {
		return count("SELECT count(*) FROM pg_database WHERE datname LIKE 'stepwise_shadow_%'");
	}

}
