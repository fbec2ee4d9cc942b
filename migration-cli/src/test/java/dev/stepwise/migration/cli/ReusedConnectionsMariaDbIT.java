package dev.stepwise.migration.cli;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReusedConnectionsMariaDbIT extends AbstractReusedConnectionsIT {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionId() {
		return "CONNECTION_ID()";
	}

	@Override
	String insertRows(int rows) {
		// The Sequence engine's table of 1 to n.
		return "INSERT INTO people (id, name) SELECT seq, CONCAT('name ', seq) FROM seq_1_to_" + rows;
	}

	@Override
	@Nullable String sessionsOpened() {
		// MariaDB counts connections for the whole server only, where other tests connect too: the session
		// ids that the batches record are the proof here.
		return null;
	}

}
