package dev.stepwise.migration.internal.sql;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.StepwiseException;
import org.jspecify.annotations.Nullable;

/**
 * Parses a SQL migration script into its statements, following the quoting, comment and
 * delimiter rules of the database, and decides which statements run in a transaction.
 * <p>
 * A script runs in one transaction unless it starts with the line comment
 * {@code -- stepwise:no-transaction}, or all its statements refuse a transaction (such as
 * PostgreSQL's {@code CREATE INDEX CONCURRENTLY}). A script that mixes both kinds is
 * refused, because a failure half-way would leave it half-applied; unless mixing is
 * allowed ({@code mixed}, as in Flyway), which runs the whole script without a transaction.
 */
public final class SqlScriptParser {

	private SqlScriptParser() {
	}

	/**
	 * Parses a script.
	 * @param scriptName the script's name, used in error messages
	 * @param text the script, placeholders already replaced
	 * @param type the database that will run it
	 * @return the statements, in order, and whether the script runs in one transaction
	 * @throws StepwiseException naming the script, the line and the fix, for an
	 * unterminated string, comment, dollar quote or block, or for a script that mixes
	 * statements that need a transaction with statements that cannot run in one
	 */
	public static SqlScript parse(String scriptName, String text, DatabaseType type) {
		return parse(scriptName, text, type, false);
	}

	/**
	 * Parses a script.
	 * @param scriptName the script's name, used in error messages
	 * @param text the script, placeholders already replaced
	 * @param type the database that will run it
	 * @param mixed whether a script that mixes both kinds of statements runs, without a
	 * transaction, rather than being refused
	 * @return the statements, in order, and whether the script runs in one transaction
	 * @throws StepwiseException naming the script, the line and the fix, for an
	 * unterminated string, comment, dollar quote or block, or, unless {@code mixed}, for a
	 * script that mixes statements that need a transaction with statements that cannot run
	 * in one
	 */
	public static SqlScript parse(String scriptName, String text, DatabaseType type, boolean mixed) {
		SqlSyntax syntax = SqlSyntax.of(type);
		StatementSplitter.Result split = new StatementSplitter(scriptName, text, syntax).split();
		if (split.noTransactionDirective()) {
			return script(split, false);
		}
		if (!syntax.hasNonTransactionalStatements()) {
			return script(split, true);
		}
		StatementSplitter.Statement firstNonTransactional = null;
		String kind = null;
		int transactionalCount = 0;
		for (StatementSplitter.Statement statement : split.statements()) {
			String nonTransactional = NonTransactionalStatements.describe(statement.sql());
			if (nonTransactional == null) {
				transactionalCount++;
			}
			else if (firstNonTransactional == null) {
				firstNonTransactional = statement;
				kind = nonTransactional;
			}
		}
		if (firstNonTransactional == null) {
			return script(split, true);
		}
		if (transactionalCount > 0 && !mixed) {
			throw mixed(scriptName, firstNonTransactional, kind);
		}
		return script(split, false);
	}

	private static SqlScript script(StatementSplitter.Result split, boolean transactional) {
		List<SqlStatement> statements = new ArrayList<>(split.statements().size());
		for (StatementSplitter.Statement statement : split.statements()) {
			statements.add(new SqlStatement(statement.sql(), statement.line(), transactional, statement.copyData()));
		}
		return new SqlScript(statements, transactional);
	}

	private static StepwiseException mixed(String scriptName, StatementSplitter.Statement statement, @Nullable String kind) {
		return new StepwiseException(scriptName + " line " + statement.line() + ": " + kind
				+ " cannot run inside a transaction, but the other statements of this script run in one. "
				+ "Move it into a migration of its own, or put \"-- stepwise:no-transaction\" at the top of the script "
				+ "to run every statement without a transaction (mixed(true), Spring Boot: stepwise.mixed=true, does that"
				+ " for every such script, as Flyway's mixed does).");
	}

}
