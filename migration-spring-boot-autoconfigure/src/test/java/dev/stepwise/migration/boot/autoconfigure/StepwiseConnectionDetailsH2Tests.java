package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class StepwiseConnectionDetailsH2Tests extends AbstractStepwiseConnectionDetailsTests {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.H2);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

}
