package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionPostgresTest extends AbstractFaultInjectionTest {

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
	String kill(long session) {
		return "SELECT pg_terminate_backend(" + session + ")";
	}

	@Override
	String sessionCount(long session) {
		return "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + session;
	}

	@Override
	String lockWaiterCount(long session) {
		return "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid = " + session;
	}

	@Override
	boolean ddlCommits() {
		return false;
	}

}
