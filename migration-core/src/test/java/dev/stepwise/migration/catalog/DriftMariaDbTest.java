package dev.stepwise.migration.catalog;

import java.sql.SQLException;

import dev.stepwise.migration.testsupport.TestDatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class DriftMariaDbTest extends AbstractDriftTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

	@Override
	String alterNameToLonger() {
		return "ALTER TABLE customer MODIFY COLUMN name varchar(200)";
	}

	@Override
	int shadowDatabasesLeft() throws SQLException {
		return count("SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'stepwise\\_shadow\\_%'");
	}

}
