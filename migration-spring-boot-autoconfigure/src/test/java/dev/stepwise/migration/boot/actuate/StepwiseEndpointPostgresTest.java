package dev.stepwise.migration.boot.actuate;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class StepwiseEndpointPostgresTest extends AbstractStepwiseEndpointIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
