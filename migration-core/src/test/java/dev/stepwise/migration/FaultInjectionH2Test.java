package dev.stepwise.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionH2Test extends AbstractFaultInjectionTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.H2);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionIdQuery() {
		return "SELECT SESSION_ID()";
	}

	@Override
	void kill(Statement admin, long session) throws SQLException {
		admin.execute("CALL ABORT_SESSION(" + session + ")");
	}

	@Override
	boolean isGone(Statement admin, long session) throws SQLException {
		try (ResultSet result = admin
			.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = " + session)) {
			result.next();
			return result.getInt(1) == 0;
		}
	}

	@Override
	boolean isWaitingForALock(Statement admin, long session) throws SQLException {
		try (ResultSet result = admin.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
				+ " WHERE BLOCKER_ID IS NOT NULL AND SESSION_ID = " + session)) {
			result.next();
			return result.getInt(1) == 1;
		}
	}

	@Override
	boolean ddlCommits() {
		return true;
	}

}
