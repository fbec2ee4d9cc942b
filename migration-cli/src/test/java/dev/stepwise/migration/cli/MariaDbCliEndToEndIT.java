package dev.stepwise.migration.cli;

import java.util.List;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbCliEndToEndIT extends AbstractCliEndToEndIT {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@BeforeEach
	void emptyDatabase() {
		database.database().reset();
	}

	@Override
	String url() {
		return database.database().url();
	}

	@Override
	List<String> refusedCredentials() {
		// The test user has an empty password: the secret the test passes is wrong.
		return List.of("--url", url());
	}

	@Override
	String unreachableUrl() {
		return "jdbc:mariadb://127.0.0.1:1/test?connectTimeout=5000";
	}

}
