package dev.stepwise.migration.backfill;

import java.util.List;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackfillFaultMariaDbTest extends AbstractBackfillFaultIntegrationTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	List<String> sleepingTrigger(String table) {
		return List.of("CREATE TRIGGER " + table + "_sleep BEFORE UPDATE ON " + table + " FOR EACH ROW BEGIN"
				+ " IF NEW.id = 500 AND EXISTS (SELECT 1 FROM " + table + "_armed) THEN SET @slept = SLEEP(60); END IF;"
				+ " END");
	}

	@Override
	String sleepingSessionsQuery() {
		return "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND STATE = 'User sleep'";
	}

	@Override
	String killStatement(long session) {
		return "KILL " + session;
	}

	@Override
	String killedMessage() {
		// The driver sees the server close the socket of the killed session.
		return "Socket error [SQL state 08000]";
	}

}
