package dev.stepwise.migration.cli;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

/** H2 in a file, so that what one process did is there for the next. */
class H2CliEndToEndIT extends AbstractCliEndToEndIT {

	@BeforeEach
	void createDatabase() throws SQLException {
		// Created by its first connection, with an admin user "" and no password.
		query("SELECT 1");
	}

	@Override
	String url() {
		return "jdbc:h2:file:" + this.project.resolve("db").toAbsolutePath();
	}

	@Override
	List<String> refusedCredentials() {
		return List.of("--url", url(), "--user", "nobody");
	}

	@Override
	boolean concurrentProcesses() {
		return false;
	}

	@Override
	String unreachableUrl() {
		return "jdbc:h2:tcp://127.0.0.1:1/nothing";
	}

}
