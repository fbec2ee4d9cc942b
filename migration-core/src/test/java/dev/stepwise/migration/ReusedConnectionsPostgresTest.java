package dev.stepwise.migration;

import java.sql.Driver;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReusedConnectionsPostgresTest extends AbstractReusedConnectionsTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	Driver driver() {
		return new org.postgresql.Driver();
	}

	@Override
	String sessionId() {
		return "pg_backend_pid()";
	}

	@Override
	String kill(long sessionId) {
		return "SELECT pg_terminate_backend(" + sessionId + ", 5000)";
	}

	@Override
	String aliveSessions(String sessionIds) {
		return "SELECT COUNT(*) FROM pg_stat_activity WHERE pid IN (" + sessionIds + ")";
	}

}
