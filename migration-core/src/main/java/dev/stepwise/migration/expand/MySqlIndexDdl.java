package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.StatementExecutor;
import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * MySQL and MariaDB: {@code ADD [UNIQUE] INDEX} with {@code ALGORITHM=INPLACE, LOCK=NONE},
 * or the server's default algorithm where it refuses that, unless the catalogue has the
 * index already; {@code RENAME INDEX}.
 */
final class MySqlIndexDdl extends IndexDdl {

	/** ER_ALTER_OPERATION_NOT_SUPPORTED(_REASON): the algorithm or lock is not supported here. */
	private static final List<Integer> ALGORITHM_REFUSED = List.of(1845, 1846);

	MySqlIndexDdl(Dialect dialect) {
		super(dialect);
	}

	@Override
	IndexCatalog catalog(Connection connection) {
		return new MySqlIndexCatalog(connection, this.dialect);
	}

	@Override
	void create(Connection connection, StatementExecutor executor, String table, String name, CarriedIndex.Kind kind,
			List<String> columns) throws SQLException {
		// The catalogue rather than IF NOT EXISTS, which MySQL does not know.
		if (catalog(connection).takenNames(table).contains(this.dialect.indexNameKey(name))) {
			return;
		}
		String change = "ALTER TABLE " + q(table) + " ADD " + ((kind != CarriedIndex.Kind.INDEX) ? "UNIQUE " : "")
				+ "INDEX " + q(name) + " (" + columnList(columns) + ")";
		try {
			// The driver's own connection: a pool takes the refusal's SQLState 0A000 for a broken connection.
			executor.execute(connection.unwrap(Connection.class), statement(change + ", ALGORITHM=INPLACE, LOCK=NONE"));
		}
		catch (SQLException ex) {
			if (!ALGORITHM_REFUSED.contains(ex.getErrorCode())) {
				throw ex;
			}
			executor.execute(connection, statement(change));
		}
	}

	/** A unique constraint is an index here. */
	@Override
	String drop(String table, String name, CarriedIndex.Kind kind) {
		return "ALTER TABLE " + q(table) + " DROP INDEX " + q(name);
	}

	@Override
	List<String> renameStatements(Connection connection, String table, String from, String to, CarriedIndex.Kind kind) {
		return List.of("ALTER TABLE " + q(table) + " RENAME INDEX " + q(from) + " TO " + q(to));
	}

}
