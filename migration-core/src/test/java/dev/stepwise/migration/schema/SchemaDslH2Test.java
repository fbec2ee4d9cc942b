package dev.stepwise.migration.schema;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaDslH2Test extends AbstractSchemaDslTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.H2);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

}
