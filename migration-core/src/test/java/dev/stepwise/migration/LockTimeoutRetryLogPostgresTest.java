package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class LockTimeoutRetryLogPostgresTest extends AbstractLockTimeoutRetryLogTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionIdQuery() {
		return "SELECT pg_backend_pid()";
	}

	@Override
	String[] blockerDetails() {
		return new String[] { "idle in transaction", "holding locks on users", "last query: INSERT INTO users" };
	}

	@Override
	String blockerWord() {
		return "pid ";
	}

}
