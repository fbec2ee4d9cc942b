package dev.stepwise.migration.cli;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReusedConnectionsMariaDbIT extends AbstractReusedConnectionsIT {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
