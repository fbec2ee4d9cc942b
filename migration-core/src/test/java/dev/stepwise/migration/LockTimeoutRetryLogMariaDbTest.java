package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.MARIADB)
class LockTimeoutRetryLogMariaDbTest extends AbstractLockTimeoutRetryLogTest {

	@Override
	String sessionIdQuery() {
		return "SELECT CONNECTION_ID()";
	}

	@Override
	String[] blockerDetails() {
		return new String[] { "Sleep", "transaction open for" };
	}

	@Override
	String blockerWord() {
		return "connection ";
	}

}
