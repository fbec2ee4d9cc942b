package dev.stepwise.migration.boot.actuate;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.MARIADB)
class StepwiseEndpointDriftMariaDbTest extends AbstractStepwiseEndpointDriftTest {
}
