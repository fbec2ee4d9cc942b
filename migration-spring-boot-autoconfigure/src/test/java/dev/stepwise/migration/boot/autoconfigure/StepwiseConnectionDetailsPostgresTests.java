package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class StepwiseConnectionDetailsPostgresTests extends AbstractStepwiseConnectionDetailsTests {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
