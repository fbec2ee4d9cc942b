package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;
import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * PostgreSQL: {@code CREATE [UNIQUE] INDEX CONCURRENTLY} on a connection in auto-commit
 * mode. An index of that name left {@code INVALID} by an earlier failed build is dropped
 * first, and a valid one is kept. A build that fails and leaves an invalid index drops it
 * and runs once more, unless it failed on a duplicate, which a rebuild would only repeat.
 * A unique constraint then adopts the index ({@code ADD CONSTRAINT ... UNIQUE USING
 * INDEX}). {@code ALTER INDEX ... RENAME} renames the constraint that owns an index too.
 */
final class PostgresIndexDdl extends IndexDdl {

	private static final String UNIQUE_VIOLATION = "23505";

	PostgresIndexDdl(Dialect dialect) {
		super(dialect);
	}

	@Override
	PostgresIndexCatalog catalog(Connection connection) {
		return new PostgresIndexCatalog(connection, this.dialect);
	}

	@Override
	void create(Connection connection, StatementExecutor executor, String table, String name, CarriedIndex.Kind kind,
			List<String> columns) throws SQLException {
		PostgresIndexCatalog catalog = catalog(connection);
		String create = "CREATE " + ((kind != CarriedIndex.Kind.INDEX) ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + q(name)
				+ " ON " + q(table) + " (" + columnList(columns) + ")";
		Boolean valid = catalog.indexValid(name);
		if (Boolean.FALSE.equals(valid)) {
			dropInvalid(connection, executor, name);
		}
		if (!Boolean.TRUE.equals(valid)) {
			try {
				executor.execute(connection, statement(create));
			}
			catch (SQLException ex) {
				boolean leftInvalid = Boolean.FALSE.equals(catalog.indexValid(name));
				if (leftInvalid) {
					dropInvalid(connection, executor, name);
				}
				if (!leftInvalid || UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				try {
					executor.execute(connection, statement(create));
				}
				catch (SQLException again) {
					again.addSuppressed(ex);
					if (Boolean.FALSE.equals(catalog.indexValid(name))) {
						dropInvalid(connection, executor, name);
					}
					throw again;
				}
			}
		}
		if (kind == CarriedIndex.Kind.UNIQUE_CONSTRAINT && !catalog.hasConstraint(table, name)) {
			executor.execute(connection, new SchemaStatement(
					"ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(name) + " UNIQUE USING INDEX " + q(name), true));
		}
	}

	@Override
	List<String> renameStatements(Connection connection, String table, String from, String to, CarriedIndex.Kind kind) {
		return List.of("ALTER INDEX " + q(from) + " RENAME TO " + q(to));
	}

	private void dropInvalid(Connection connection, StatementExecutor executor, String name) throws SQLException {
		executor.execute(connection, statement("DROP INDEX CONCURRENTLY IF EXISTS " + q(name)));
	}

}
