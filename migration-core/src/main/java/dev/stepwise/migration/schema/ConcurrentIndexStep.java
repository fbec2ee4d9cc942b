package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;

/**
 * PostgreSQL's {@code CREATE [UNIQUE] INDEX CONCURRENTLY}, which builds the index without
 * blocking writes but, when it fails, leaves an {@code INVALID} index behind that the next
 * attempt would collide with:
 * <ol>
 * <li>an index of the same name left invalid by an earlier failed build is dropped
 * ({@code DROP INDEX CONCURRENTLY});</li>
 * <li>the index is built;</li>
 * <li>when the build fails and leaves an invalid index, that index is dropped and the build
 * runs once more, unless the failure was a unique violation, which a rebuild would only
 * repeat; a failure that remains is thrown, with no invalid index left behind.</li>
 * </ol>
 */
final class ConcurrentIndexStep implements Step {

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String VALIDITY = "SELECT i.indisvalid FROM pg_index i"
			+ " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " WHERE c.relname = ? AND n.nspname = current_schema()";

	private final SchemaStatement create;

	private final SchemaStatement drop;

	private final String storedName;

	ConcurrentIndexStep(String createSql, String quotedName, String storedName) {
		this.create = new SchemaStatement(createSql, false);
		this.drop = new SchemaStatement("DROP INDEX CONCURRENTLY " + quotedName, false);
		this.storedName = storedName;
	}

	@Override
	public SchemaStatement statement() {
		return this.create;
	}

	@Override
	public void execute(Connection connection, StatementExecutor executor) throws SQLException {
		dropIfInvalid(connection, executor);
		try {
			executor.execute(connection, this.create);
		}
		catch (SQLException ex) {
			boolean leftInvalid = dropIfInvalid(connection, executor);
			if (!leftInvalid || UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw ex;
			}
			try {
				executor.execute(connection, this.create);
			}
			catch (SQLException again) {
				again.addSuppressed(ex);
				dropIfInvalid(connection, executor);
				throw again;
			}
		}
	}

	private boolean dropIfInvalid(Connection connection, StatementExecutor executor) throws SQLException {
		if (!isInvalid(connection)) {
			return false;
		}
		executor.execute(connection, this.drop);
		return true;
	}

	private boolean isInvalid(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(VALIDITY)) {
			query.setString(1, this.storedName);
			try (ResultSet result = query.executeQuery()) {
				return result.next() && !result.getBoolean(1);
			}
		}
	}

}
