package dev.stepwise.migration.backfill;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackfillThrottlePostgresTest extends AbstractBackfillThrottleTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionsQuery() {
		return "SELECT pid, datname, state, wait_event_type, wait_event, query_start FROM pg_stat_activity";
	}

}
