package dev.stepwise.migration.jpa;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class JavaGenerationH2Test extends AbstractJavaGenerationTest {

}
