package dev.stepwise.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionPostgresTest extends AbstractFaultInjectionTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionIdQuery() {
		return "SELECT pg_backend_pid()";
	}

	@Override
	void kill(Statement admin, long session) throws SQLException {
		admin.execute("SELECT pg_terminate_backend(" + session + ")");
	}

	@Override
	boolean isGone(Statement admin, long session) throws SQLException {
		try (ResultSet result = admin.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + session)) {
			result.next();
			return result.getInt(1) == 0;
		}
	}

	@Override
	boolean isWaitingForALock(Statement admin, long session) throws SQLException {
		try (ResultSet result = admin.executeQuery(
				"SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid = " + session)) {
			result.next();
			return result.getInt(1) == 1;
		}
	}

	@Override
	boolean ddlCommits() {
		return false;
	}

}
