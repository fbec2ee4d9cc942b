package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;
import org.jspecify.annotations.Nullable;

/**
 * One phase of a column change as a step of a {@link SchemaChange}: a dry run shows what
 * the phase does; running it hands over to the engine's {@link ColumnChanges}.
 */
record ColumnChangeStep(String summary, Phase phase, @Nullable ColumnChanges changes) implements Step {

	@Override
	public SchemaStatement statement() {
		return new SchemaStatement("-- " + this.summary, false);
	}

	@Override
	public void execute(Connection connection, StatementExecutor executor) throws SQLException {
		if (this.changes == null) {
			throw new IllegalStateException(this.summary + " needs the engine: record it in a migration (a"
					+ " SchemaMigration, or context.schema() in a Java migration), not on a Schema of your own");
		}
		this.phase.run(this.changes, connection);
	}

	/** What the step asks of the engine. */
	@FunctionalInterface
	interface Phase {

		void run(ColumnChanges changes, Connection connection) throws SQLException;

	}

}
