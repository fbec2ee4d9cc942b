package dev.stepwise.migration.flyway;

import dev.stepwise.migration.dialect.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlywayAdoptionMariaDbTest extends AbstractFlywayAdoptionTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
