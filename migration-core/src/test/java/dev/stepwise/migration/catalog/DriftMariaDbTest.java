package dev.stepwise.migration.catalog;

import java.sql.SQLException;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.MARIADB)
class DriftMariaDbTest extends AbstractDriftTest {

	@Override
	String alterNameToLonger() {
		return "ALTER TABLE customer MODIFY COLUMN name varchar(200)";
	}

	@Override
	int shadowDatabasesLeft() throws SQLException {
		return count("SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'stepwise\\_shadow\\_%'");
	}

}
