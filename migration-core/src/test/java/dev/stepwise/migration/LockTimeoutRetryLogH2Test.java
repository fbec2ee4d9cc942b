package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class LockTimeoutRetryLogH2Test extends AbstractLockTimeoutRetryLogTest {

	@Override
	String sessionIdQuery() {
		return "SELECT SESSION_ID()";
	}

	@Override
	String[] blockerDetails() {
		return new String[] { "user " };
	}

	@Override
	String blockerWord() {
		return "session ";
	}

}
