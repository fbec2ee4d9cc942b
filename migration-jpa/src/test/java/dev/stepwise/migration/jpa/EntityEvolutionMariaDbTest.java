package dev.stepwise.migration.jpa;

import dev.stepwise.migration.testsupport.TestDatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class EntityEvolutionMariaDbTest extends AbstractEntityEvolutionTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

}
