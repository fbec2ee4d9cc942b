package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class FaultInjectionH2Test extends AbstractFaultInjectionTest {

	@Override
	String sessionIdQuery() {
		return "SELECT SESSION_ID()";
	}

	@Override
	String kill(long session) {
		return "CALL ABORT_SESSION(" + session + ")";
	}

	@Override
	String sessionCount(long session) {
		return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = " + session;
	}

	@Override
	String lockWaiterCount(long session) {
		return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
				+ " AND SESSION_ID = " + session;
	}

	@Override
	boolean ddlCommits() {
		return true;
	}

}
