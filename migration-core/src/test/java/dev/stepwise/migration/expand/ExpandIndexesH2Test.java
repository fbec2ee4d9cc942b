package dev.stepwise.migration.expand;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class ExpandIndexesH2Test extends AbstractExpandIndexesIntegrationTest {
}
