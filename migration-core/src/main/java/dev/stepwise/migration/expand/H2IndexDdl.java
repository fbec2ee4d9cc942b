package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.StatementExecutor;
import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * H2: {@code CREATE [UNIQUE] INDEX IF NOT EXISTS}, or {@code ADD CONSTRAINT IF NOT EXISTS
 * ... UNIQUE}; a unique constraint is renamed with the index it generated for itself.
 */
final class H2IndexDdl extends IndexDdl {

	H2IndexDdl(Dialect dialect) {
		super(dialect);
	}

	@Override
	H2IndexCatalog catalog(Connection connection) {
		return new H2IndexCatalog(connection, this.dialect);
	}

	@Override
	void create(Connection connection, StatementExecutor executor, String table, String name, CarriedIndex.Kind kind,
			List<String> columns) throws SQLException {
		String columnList = columnList(columns);
		executor.execute(connection, statement((kind == CarriedIndex.Kind.UNIQUE_CONSTRAINT)
				? "ALTER TABLE " + q(table) + " ADD CONSTRAINT IF NOT EXISTS " + q(name) + " UNIQUE (" + columnList + ")"
				: "CREATE " + ((kind == CarriedIndex.Kind.UNIQUE_INDEX) ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + q(name)
						+ " ON " + q(table) + " (" + columnList + ")"));
	}

	@Override
	List<String> renameStatements(Connection connection, String table, String from, String to, CarriedIndex.Kind kind)
			throws SQLException {
		if (kind != CarriedIndex.Kind.UNIQUE_CONSTRAINT) {
			return List.of("ALTER INDEX " + q(from) + " RENAME TO " + q(to));
		}
		List<String> statements = new ArrayList<>();
		statements.add("ALTER TABLE " + q(table) + " RENAME CONSTRAINT " + q(from) + " TO " + q(to));
		String index = catalog(connection).constraintIndex(from);
		if (index != null && index.startsWith(from)) {
			statements.add("ALTER INDEX " + q(index) + " RENAME TO " + q(to + index.substring(from.length())));
		}
		return statements;
	}

}
