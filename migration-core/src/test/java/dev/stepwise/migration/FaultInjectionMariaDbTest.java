package dev.stepwise.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionMariaDbTest extends AbstractFaultInjectionTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionIdQuery() {
		return "SELECT CONNECTION_ID()";
	}

	@Override
	void kill(Statement admin, long session) throws SQLException {
		admin.execute("KILL " + session);
	}

	@Override
	boolean isGone(Statement admin, long session) throws SQLException {
		try (ResultSet result = admin
			.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + session)) {
			result.next();
			return result.getInt(1) == 0;
		}
	}

	@Override
	boolean isWaitingForALock(Statement admin, long session) throws SQLException {
		// The processlist is read live (INNODB_TRX is a cache that was seen to miss a waiter);
		// the only statement on the gate is the one that waits for it.
		try (ResultSet result = admin.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
				+ " WHERE INFO LIKE 'UPDATE gate%' AND ID = " + session)) {
			result.next();
			return result.getInt(1) == 1;
		}
	}

	@Override
	boolean ddlCommits() {
		return true;
	}

}
