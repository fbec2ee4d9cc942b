package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class FlywayAdoptionH2Test extends AbstractFlywayAdoptionTest {
}
