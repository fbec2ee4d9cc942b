package dev.stepwise.migration.backfill;

import dev.stepwise.migration.dialect.DatabaseType;

/**
 * Quotes identifiers for one database, so that no table or column name can inject SQL.
 */
final class SqlNames {

	private SqlNames() {
	}

	static String quote(DatabaseType type, String identifier) {
		String quote = type.isMySqlFamily() ? "`" : "\"";
		return quote + identifier.replace(quote, quote + quote) + quote;
	}

}
