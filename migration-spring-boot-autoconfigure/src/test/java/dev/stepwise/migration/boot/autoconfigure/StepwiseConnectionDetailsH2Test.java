package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class StepwiseConnectionDetailsH2Test extends AbstractStepwiseConnectionDetailsTest {
}
