package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class StepwiseConnectionDetailsPostgresTest extends AbstractStepwiseConnectionDetailsTest {
}
