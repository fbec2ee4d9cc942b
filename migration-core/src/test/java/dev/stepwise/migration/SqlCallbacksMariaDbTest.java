package dev.stepwise.migration;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlCallbacksMariaDbTest extends AbstractSqlCallbacksTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
