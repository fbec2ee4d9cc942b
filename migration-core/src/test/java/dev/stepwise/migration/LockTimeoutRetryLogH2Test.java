package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class LockTimeoutRetryLogH2Test extends AbstractLockTimeoutRetryLogTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.H2);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

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
