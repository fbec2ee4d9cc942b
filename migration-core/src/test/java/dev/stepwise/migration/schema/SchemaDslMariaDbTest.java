package dev.stepwise.migration.schema;

import dev.stepwise.migration.dialect.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaDslMariaDbTest extends AbstractSchemaDslTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.MARIADB);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

}
