package dev.stepwise.migration.jpa;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class EntityEvolutionPostgresTest extends AbstractEntityEvolutionTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.POSTGRESQL);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

}
