package dev.stepwise.migration.catalog;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class DriftH2Test extends AbstractDriftTest {

	@Override
	String alterNameToLonger() {
		return "ALTER TABLE customer ALTER COLUMN name SET DATA TYPE varchar(200)";
	}

	@Override
	int shadowDatabasesLeft() {
		// In memory, gone with its last connection.
		return 0;
	}

}
