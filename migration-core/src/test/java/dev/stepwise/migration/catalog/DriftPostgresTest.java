package dev.stepwise.migration.catalog;

import java.sql.SQLException;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class DriftPostgresTest extends AbstractDriftTest {

	@Override
	String alterNameToLonger() {
		return "ALTER TABLE customer ALTER COLUMN name TYPE varchar(200)";
	}

	@Override
	int shadowDatabasesLeft() throws SQLException {
		return count("SELECT count(*) FROM pg_database WHERE datname LIKE 'stepwise_shadow_%'");
	}

}
