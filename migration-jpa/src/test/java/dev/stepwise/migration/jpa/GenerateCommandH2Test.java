package dev.stepwise.migration.jpa;

import dev.stepwise.migration.testsupport.TestDatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class GenerateCommandH2Test extends AbstractGenerateCommandTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.H2);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

}
