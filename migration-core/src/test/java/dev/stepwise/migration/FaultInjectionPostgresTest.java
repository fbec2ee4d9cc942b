package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class FaultInjectionPostgresTest extends AbstractFaultInjectionTest {

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
