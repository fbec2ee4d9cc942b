package dev.stepwise.migration.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The leading tokens of one PostgreSQL statement, comments skipped: enough to tell what a
 * statement does and which objects it names, without a full parser.
 */
final class PostgresTokens {

	/** Enough for {@code ALTER TABLE IF EXISTS ONLY a.b DETACH PARTITION c.d CONCURRENTLY}. */
	private static final int MAX_TOKENS = 32;

	/** The kinds of token. */
	enum Type {

		/** A keyword or unquoted identifier. */
		WORD,

		/** A double-quoted identifier, quotes included. */
		QUOTED,

		/** A parenthesised list, parentheses included. */
		PARENTHESES,

		/** A string literal or any other character. */
		OTHER

	}

	/** One token and its text as written. */
	record Token(Type type, String text) {

	}

	private PostgresTokens() {
	}

	static List<Token> read(String sql) {
		List<Token> tokens = new ArrayList<>();
		int length = sql.length();
		int i = 0;
		while (i < length && tokens.size() < MAX_TOKENS) {
			char c = sql.charAt(i);
			if (c <= ' ' || Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
				while (i < length && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
					i++;
				}
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				i = nestedEnd(sql, i, "/*", "*/");
			}
			else if (c == '(') {
				int end = nestedEnd(sql, i, "(", ")");
				tokens.add(new Token(Type.PARENTHESES, sql.substring(i, end)));
				i = end;
			}
			else if (c == '"' || c == '\'') {
				int end = quotedEnd(sql, i, c);
				tokens.add(new Token((c == '"') ? Type.QUOTED : Type.OTHER, sql.substring(i, end)));
				i = end;
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i + 1;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '$')) {
					end++;
				}
				tokens.add(new Token(Type.WORD, sql.substring(i, end)));
				i = end;
			}
			else {
				tokens.add(new Token(Type.OTHER, String.valueOf(c)));
				i++;
			}
		}
		return tokens;
	}

	private static int quotedEnd(String sql, int start, char quote) {
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

	/** The end of a bracket that nests ({@code (...)} or a block comment), or of the text. */
	private static int nestedEnd(String sql, int start, String open, String close) {
		int depth = 0;
		int i = start;
		while (i < sql.length()) {
			if (sql.startsWith(open, i)) {
				depth++;
				i += open.length();
			}
			else if (sql.startsWith(close, i)) {
				i += close.length();
				if (--depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return i;
	}

}
