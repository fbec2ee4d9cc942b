package dev.stepwise.migration.backfill;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stepwise.migration.api.DatabaseType;

/**
 * The columns a backfill writes: SQL expressions, evaluated by the database, and Java
 * functions, evaluated per row and bound as parameters.
 *
 * @param expressions SQL expression per column
 * @param functions Java function per column
 */
record Assignments(Map<String, String> expressions, Map<String, RowFunction> functions) {

	Assignments {
		expressions = new LinkedHashMap<>(expressions);
		functions = new LinkedHashMap<>(functions);
	}

	boolean needsRows() {
		return !this.functions.isEmpty();
	}

	/** The SET list: {@code "a" = (expr), "b" = ?} with one parameter per function, in order. */
	String setClause(DatabaseType type) {
		StringBuilder sql = new StringBuilder();
		this.expressions.forEach((column, expression) -> sql.append((sql.length() > 0) ? ", " : "")
			.append(type.quote(column))
			.append(" = (")
			.append(expression)
			.append(')'));
		this.functions.keySet()
			.forEach((column) -> sql.append((sql.length() > 0) ? ", " : "").append(type.quote(column)).append(" = ?"));
		return sql.toString();
	}

}
