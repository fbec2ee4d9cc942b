package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionSettingsH2Test extends AbstractSessionSettingsTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.H2);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String settingsQuery() {
		return "SELECT 'LOCK_TIMEOUT=' || LOCK_TIMEOUT()";
	}

}
