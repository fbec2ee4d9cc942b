package dev.stepwise.migration.backfill;

import java.util.List;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackfillFaultPostgresTest extends AbstractBackfillFaultIntegrationTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	List<String> sleepingTrigger(String table) {
		return List.of("CREATE FUNCTION " + table + "_sleep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
				+ " IF NEW.id = 500 AND EXISTS (SELECT 1 FROM " + table + "_armed) THEN PERFORM pg_sleep(60); END IF;"
				+ " RETURN NEW; END $$",
				"CREATE TRIGGER " + table + "_sleep BEFORE UPDATE ON " + table + " FOR EACH ROW EXECUTE FUNCTION "
						+ table + "_sleep()");
	}

	@Override
	String sleepingSessionsQuery() {
		return "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'";
	}

	@Override
	String killStatement(long session) {
		return "SELECT pg_terminate_backend(" + session + ")";
	}

	@Override
	String killedMessage() {
		return "57P01";
	}

}
