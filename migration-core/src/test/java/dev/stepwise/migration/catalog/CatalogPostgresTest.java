package dev.stepwise.migration.catalog;

import dev.stepwise.migration.testsupport.TestDatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogPostgresTest extends AbstractCatalogTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

}
