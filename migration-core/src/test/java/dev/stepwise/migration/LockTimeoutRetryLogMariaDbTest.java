package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class LockTimeoutRetryLogMariaDbTest extends AbstractLockTimeoutRetryLogTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

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
