package dev.stepwise.migration.expand;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class DeployAwareContractPostgresTest extends AbstractDeployAwareContractIntegrationTest {
}
