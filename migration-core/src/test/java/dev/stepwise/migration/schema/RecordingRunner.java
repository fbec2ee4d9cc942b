package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs statements with {@link StatementRunner#DEFAULT} and remembers each attempt, failed or not. */
final class RecordingRunner implements StatementRunner {

	private final List<String> executed = new ArrayList<>();

	@Override
	public void run(Connection connection, SchemaStatement statement) throws SQLException {
		this.executed.add(statement.sql());
		StatementRunner.DEFAULT.run(connection, statement);
	}

	List<String> executed() {
		return this.executed;
	}

}
