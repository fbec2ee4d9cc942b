package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionSettingsMariaDbTest extends AbstractSessionSettingsTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String settingsQuery() {
		return "SELECT CONCAT('lock_wait_timeout=', @@SESSION.lock_wait_timeout, ' innodb_lock_wait_timeout=',"
				+ " @@SESSION.innodb_lock_wait_timeout)";
	}

}
