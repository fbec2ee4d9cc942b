package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class LockingContractH2Test extends AbstractLockingContractTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.H2);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String blockerWord() {
		return "session ";
	}

}
