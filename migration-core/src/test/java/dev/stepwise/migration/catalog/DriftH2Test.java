package dev.stepwise.migration.catalog;

import dev.stepwise.migration.testsupport.TestDatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class DriftH2Test extends AbstractDriftTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.H2);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

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
