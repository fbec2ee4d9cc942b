package dev.stepwise.migration.catalog;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class CatalogH2Test extends AbstractCatalogTest {

}
