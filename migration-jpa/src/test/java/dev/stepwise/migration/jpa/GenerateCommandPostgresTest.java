package dev.stepwise.migration.jpa;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class GenerateCommandPostgresTest extends AbstractGenerateCommandTest {

}
