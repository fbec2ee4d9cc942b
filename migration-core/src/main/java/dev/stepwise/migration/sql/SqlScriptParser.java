package dev.stepwise.migration.sql;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.dialect.DatabaseType;

// TEMPORARY stand-in until the sql branch lands.
public final class SqlScriptParser {

	public static SqlScript parse(String scriptName, String text, DatabaseType type) {
		List<SqlStatement> statements = new ArrayList<>();
		boolean tx = !text.contains("stepwise:no-transaction") && !text.toUpperCase().contains("CONCURRENTLY");
		int line = 1;
		for (String part : text.split(";")) {
			if (!part.isBlank()) {
				statements.add(new SqlStatement(part.trim(), line, tx));
			}
			line += part.chars().filter((c) -> c == '\n').count();
		}
		return new SqlScript(statements, tx);
	}

}
