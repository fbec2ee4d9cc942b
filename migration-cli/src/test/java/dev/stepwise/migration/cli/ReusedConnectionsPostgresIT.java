package dev.stepwise.migration.cli;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReusedConnectionsPostgresIT extends AbstractReusedConnectionsIT {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionId() {
		return "pg_backend_pid()";
	}

	@Override
	String insertRows(int rows) {
		return "INSERT INTO people (id, name) SELECT i, 'name ' || i FROM generate_series(1, " + rows + ") AS i";
	}

	@Override
	String sessionsOpened() {
		// Counted at each connect, per database (PostgreSQL 14 and later).
		return "SELECT sessions FROM pg_stat_database WHERE datname = '" + database.database().name() + "'";
	}

}
