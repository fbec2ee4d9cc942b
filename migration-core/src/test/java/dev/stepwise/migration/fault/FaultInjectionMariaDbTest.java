package dev.stepwise.migration.fault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.stepwise.migration.dialect.DatabaseType;
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
		try (ResultSet result = admin.executeQuery("SELECT COUNT(*) FROM information_schema.INNODB_TRX"
				+ " WHERE trx_state = 'LOCK WAIT' AND trx_mysql_thread_id = " + session)) {
			result.next();
			return result.getInt(1) == 1;
		}
	}

	@Override
	boolean ddlCommits() {
		return true;
	}

}
