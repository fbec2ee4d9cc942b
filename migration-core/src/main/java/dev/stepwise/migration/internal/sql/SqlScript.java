package dev.stepwise.migration.internal.sql;

import java.util.List;

/**
 * The statements of a SQL script and whether the script runs in one transaction.
 *
 * @param statements the statements, in script order
 * @param transactional whether all statements run in one transaction; {@code false}
 * when each statement must run on its own, outside a transaction
 */
public record SqlScript(List<SqlStatement> statements, boolean transactional) {

	public SqlScript {
		statements = List.copyOf(statements);
	}

}
