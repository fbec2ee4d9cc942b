package dev.stepwise.migration.flyway;

import dev.stepwise.migration.dialect.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlywaySettingsH2Test extends AbstractFlywaySettingsTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.H2);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
