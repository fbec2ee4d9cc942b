package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class SessionSettingsH2Test extends AbstractSessionSettingsTest {

	@Override
	String settingsQuery() {
		return "SELECT 'LOCK_TIMEOUT=' || LOCK_TIMEOUT()";
	}

}
