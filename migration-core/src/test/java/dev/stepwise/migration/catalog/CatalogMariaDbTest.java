package dev.stepwise.migration.catalog;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogMariaDbTest extends AbstractCatalogTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.MARIADB);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

}
