package dev.stepwise.migration;

import java.sql.Driver;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReusedConnectionsMariaDbTest extends AbstractReusedConnectionsTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	Driver driver() {
		return new org.mariadb.jdbc.Driver();
	}

	@Override
	String sessionId() {
		return "CONNECTION_ID()";
	}

	@Override
	String kill(long sessionId) {
		return "KILL " + sessionId;
	}

	@Override
	String aliveSessions(String sessionIds) {
		return "SELECT COUNT(*) FROM information_schema.processlist WHERE id IN (" + sessionIds + ")";
	}

}
