package dev.stepwise.migration.backfill;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackfillH2Test extends AbstractBackfillIntegrationTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.H2);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
