package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class LockTimeoutRetryLogPostgresTest extends AbstractLockTimeoutRetryLogTest {

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
