package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs the statements of a phase through the configured {@link DdlExecutor}.
 */
final class DdlRunner {

	private final DdlExecutor executor;

	DdlRunner(DdlExecutor executor) {
		this.executor = executor;
	}

	void execute(Connection connection, List<String> statements) throws SQLException {
		for (String statement : statements) {
			this.executor.execute(connection, statement);
		}
	}

}
