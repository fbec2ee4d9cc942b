package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;

/**
 * One step of a {@link SchemaChange}: the statement a dry run shows, and how it runs, which
 * for some steps means reading the catalogue or falling back to another statement.
 */
interface Step {

	/** What a dry run shows for this step. */
	SchemaStatement statement();

	/**
	 * Runs the step.
	 * @param connection the connection of the schema
	 * @param executor what runs each DDL statement
	 * @throws SQLException if it fails
	 */
	void execute(Connection connection, StatementExecutor executor) throws SQLException;

	/** A statement that may run in the migration's transaction. */
	static Step of(String sql) {
		return new PlainStep(new SchemaStatement(sql, true));
	}

	/** A statement that must run outside a transaction. */
	static Step outsideTransaction(String sql) {
		return new PlainStep(new SchemaStatement(sql, false));
	}

	/** A statement run as it is. */
	record PlainStep(SchemaStatement statement) implements Step {

		@Override
		public void execute(Connection connection, StatementExecutor executor) throws SQLException {
			executor.execute(connection, this.statement);
		}

	}

}
