package dev.stepwise.migration.boot.actuate;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class StepwiseEndpointPostgresTest extends AbstractStepwiseEndpointIntegrationTest {
}
