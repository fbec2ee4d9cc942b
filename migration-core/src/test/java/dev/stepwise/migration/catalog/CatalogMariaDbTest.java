package dev.stepwise.migration.catalog;

import dev.stepwise.migration.testsupport.TestDatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogMariaDbTest extends AbstractCatalogTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

}
