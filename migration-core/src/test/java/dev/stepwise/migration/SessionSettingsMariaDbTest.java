package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.MARIADB)
class SessionSettingsMariaDbTest extends AbstractSessionSettingsTest {

	@Override
	String settingsQuery() {
		return "SELECT CONCAT('lock_wait_timeout=', @@SESSION.lock_wait_timeout, ' innodb_lock_wait_timeout=',"
				+ " @@SESSION.innodb_lock_wait_timeout)";
	}

}
