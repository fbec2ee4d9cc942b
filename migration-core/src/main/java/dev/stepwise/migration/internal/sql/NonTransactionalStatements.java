package dev.stepwise.migration.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Recognises the PostgreSQL statements that refuse to run inside a transaction block,
 * from their leading words.
 */
final class NonTransactionalStatements {

	/** Enough words for the longest rule, {@code ALTER DATABASE name SET TABLESPACE}. */
	private static final int LEADING_WORDS = 5;

	/** Stands for a quoted identifier among the leading words: it matches no keyword. */
	private static final String QUOTED_NAME = "\"";

	private NonTransactionalStatements() {
	}

	/**
	 * Names the kind of a PostgreSQL statement that cannot run in a transaction.
	 * @param sql the statement, as the splitter returns it
	 * @return the kind, such as {@code CREATE INDEX CONCURRENTLY}, or {@code null} when the
	 * statement runs in a transaction
	 */
	static @Nullable String describe(String sql) {
		ConcurrentStatement concurrent = ConcurrentStatement.of(sql);
		if (concurrent != null) {
			return concurrent.kind().description();
		}
		List<String> words = leadingWords(sql);
		return switch (word(words, 0)) {
			case "VACUUM" -> "VACUUM";
			case "DISCARD" -> word(words, 1).equals("ALL") ? "DISCARD ALL" : null;
			case "CREATE" -> create(words);
			case "DROP" -> drop(words);
			case "ALTER" -> alter(words);
			case "REINDEX" -> reindex(words);
			case "CLUSTER" -> (words.size() == 1 || (words.size() == 2 && word(words, 1).equals("VERBOSE"))) ? "CLUSTER" : null;
			default -> null;
		};
	}

	private static @Nullable String create(List<String> words) {
		int index = word(words, 1).equals("UNIQUE") ? 2 : 1;
		if (word(words, index).equals("INDEX") && word(words, index + 1).equals("CONCURRENTLY")) {
			return "CREATE INDEX CONCURRENTLY";
		}
		return globalObject("CREATE", word(words, 1));
	}

	private static @Nullable String drop(List<String> words) {
		if (word(words, 1).equals("INDEX") && word(words, 2).equals("CONCURRENTLY")) {
			return "DROP INDEX CONCURRENTLY";
		}
		return globalObject("DROP", word(words, 1));
	}

	private static @Nullable String globalObject(String verb, String object) {
		return switch (object) {
			case "DATABASE", "TABLESPACE", "SUBSCRIPTION" -> verb + " " + object;
			default -> null;
		};
	}

	private static @Nullable String alter(List<String> words) {
		if (word(words, 1).equals("SYSTEM")) {
			return "ALTER SYSTEM";
		}
		if (word(words, 1).equals("DATABASE") && word(words, 3).equals("SET") && word(words, 4).equals("TABLESPACE")) {
			return "ALTER DATABASE ... SET TABLESPACE";
		}
		return null;
	}

	/** REINDEX of many tables commits per table; of one index or table only CONCURRENTLY does. */
	private static @Nullable String reindex(List<String> words) {
		String object = word(words, 1);
		return switch (object) {
			case "SCHEMA", "DATABASE", "SYSTEM" -> "REINDEX " + object;
			case "INDEX", "TABLE" -> word(words, 2).equals("CONCURRENTLY") ? "REINDEX CONCURRENTLY" : null;
			default -> null;
		};
	}

	private static String word(List<String> words, int index) {
		return (index < words.size()) ? words.get(index) : "";
	}

	/**
	 * The first words of a statement in upper case, skipping comments and parenthesised
	 * options ({@code REINDEX (VERBOSE) TABLE ...}), up to the first other token.
	 */
	private static List<String> leadingWords(String sql) {
		List<String> words = new ArrayList<>(LEADING_WORDS);
		for (PostgresTokens.Token token : PostgresTokens.read(sql)) {
			if (words.size() == LEADING_WORDS || token.type() == PostgresTokens.Type.OTHER) {
				break;
			}
			switch (token.type()) {
				case WORD -> words.add(token.text().toUpperCase(Locale.ROOT));
				case QUOTED -> words.add(QUOTED_NAME);
				default -> {
					// Parenthesised options are passed over.
				}
			}
		}
		return words;
	}

}
