package dev.stepwise.migration.maven;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrateReusesConnectionsPostgresTest extends AbstractMigrateReusesConnectionsTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
