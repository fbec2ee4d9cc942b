package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.MARIADB)
class FaultInjectionMariaDbTest extends AbstractFaultInjectionTest {

	@Override
	String sessionIdQuery() {
		return "SELECT CONNECTION_ID()";
	}

	@Override
	String kill(long session) {
		return "KILL " + session;
	}

	@Override
	String sessionCount(long session) {
		return "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + session;
	}

	@Override
	String lockWaiterCount(long session) {
		// The processlist is read live (INNODB_TRX is a cache that was seen to miss a waiter);
		// the only statement on the gate is the one that waits for it.
		return "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'UPDATE gate%'"
				+ " AND ID = " + session;
	}

	@Override
	boolean ddlCommits() {
		return true;
	}

}
