package dev.stepwise.migration.schema;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class SchemaDslH2Test extends AbstractSchemaDslTest {
}
