package dev.stepwise.migration.catalog;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.MARIADB)
class CatalogMariaDbTest extends AbstractCatalogTest {

}
