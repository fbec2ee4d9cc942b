package dev.stepwise.migration;

import dev.stepwise.migration.api.DatabaseType;
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
