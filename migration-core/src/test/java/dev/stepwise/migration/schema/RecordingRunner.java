package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;

/** Runs statements with {@link StatementExecutor#PLAIN} and remembers each attempt, failed or not. */
final class RecordingRunner implements StatementExecutor {

	private final List<String> executed = new ArrayList<>();

	@Override
	public void execute(Connection connection, SchemaStatement statement) throws SQLException {
		this.executed.add(statement.sql());
		StatementExecutor.PLAIN.execute(connection, statement);
	}

	List<String> executed() {
		return this.executed;
	}

}
