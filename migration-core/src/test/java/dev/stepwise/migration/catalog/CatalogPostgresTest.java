package dev.stepwise.migration.catalog;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogPostgresTest extends AbstractCatalogTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.POSTGRESQL);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

}
