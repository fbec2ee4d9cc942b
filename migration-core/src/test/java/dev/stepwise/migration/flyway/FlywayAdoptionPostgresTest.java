package dev.stepwise.migration.flyway;

import dev.stepwise.migration.dialect.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlywayAdoptionPostgresTest extends AbstractFlywayAdoptionTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
