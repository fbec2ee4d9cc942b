package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One SQL statement with its parameter values, to run on its own or joined with others
 * into a single round trip ({@link PipelinedBatchRunner}).
 *
 * @param sql the statement, with {@code ?} markers
 * @param parameters one binder per marker, in order
 */
record BoundSql(String sql, List<Parameter> parameters) {

	BoundSql {
		parameters = List.copyOf(parameters);
	}

	/** Binds every parameter from {@code start} on and returns the index after the last. */
	int bind(PreparedStatement statement, int start) throws SQLException {
		int index = start;
		for (Parameter parameter : this.parameters) {
			parameter.bind(statement, index++);
		}
		return index;
	}

	/** Executes the statement on its own: its update count, or -1 for a query. */
	int executeUpdate(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(this.sql)) {
			bind(statement, 1);
			return statement.executeUpdate();
		}
	}

	/** Binds one value at the index it is given. */
	@FunctionalInterface
	interface Parameter {

		void bind(PreparedStatement statement, int index) throws SQLException;

	}

}
