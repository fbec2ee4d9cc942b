package dev.stepwise.migration.cli;

import java.util.List;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCliEndToEndIT extends AbstractCliEndToEndIT {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

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
		// The test server trusts every known role: a role it does not know is refused.
		return List.of("--url", url().replaceAll("user=[^&]*", "user=stepwise_no_such_role"));
	}

	@Override
	String unreachableUrl() {
		return "jdbc:postgresql://127.0.0.1:1/postgres?connectTimeout=5";
	}

}
