package dev.stepwise.migration.internal.sql;

import dev.stepwise.migration.api.DatabaseType;

/**
 * The lexical rules of a dialect that decide where a statement ends: comments, quotes,
 * delimiters and compound bodies.
 */
enum SqlSyntax {

	POSTGRESQL, MYSQL, H2;

	static SqlSyntax of(DatabaseType type) {
		return switch (type) {
			case POSTGRESQL -> POSTGRESQL;
			case MYSQL, MARIADB -> MYSQL;
			case H2 -> H2;
		};
	}

	/**
	 * Whether some statements refuse to run in a transaction ({@code CREATE INDEX
	 * CONCURRENTLY}, {@code VACUUM}, ...: PostgreSQL), so that a script must be checked for
	 * them; elsewhere every script runs in one unless it says otherwise.
	 */
	boolean hasNonTransactionalStatements() {
		return this == POSTGRESQL;
	}

	/** A block comment inside a block comment nests on PostgreSQL and H2; on MySQL the first close ends both. */
	boolean nestsBlockComments() {
		return this != MYSQL;
	}

	/** MySQL takes {@code --} as a comment only when whitespace follows ({@code 5--3} is arithmetic). */
	boolean needsWhitespaceAfterDashes() {
		return this == MYSQL;
	}

	boolean hasHashComments() {
		return this == MYSQL;
	}

	boolean hasDoubleSlashComments() {
		return this == H2;
	}

	/** MySQL executable comments (opened by slash-star-bang, or slash-star-M-bang on MariaDB) are SQL the server runs. */
	boolean hasExecutableComments() {
		return this == MYSQL;
	}

	/** MySQL reads {@code \'} as an escaped quote in {@code '...'} and {@code "..."} strings. */
	boolean hasBackslashEscapes() {
		return this == MYSQL;
	}

	/** PostgreSQL {@code E'...'} strings take backslash escapes. */
	boolean hasEscapeStringPrefix() {
		return this == POSTGRESQL;
	}

	/** On MySQL {@code "..."} is a string; elsewhere it is a quoted identifier. */
	boolean hasDoubleQuotedStrings() {
		return this == MYSQL;
	}

	boolean hasBacktickIdentifiers() {
		return this == MYSQL;
	}

	/** {@code $$...$$}: PostgreSQL and H2. */
	boolean hasDollarQuotes() {
		return this != MYSQL;
	}

	/** {@code $tag$...$tag$}: PostgreSQL only. */
	boolean hasTaggedDollarQuotes() {
		return this == POSTGRESQL;
	}

	/** psql's {@code COPY ... FROM stdin} followed by data lines up to {@code \.}. */
	boolean hasCopyFromStdin() {
		return this == POSTGRESQL;
	}

	/** The MySQL client's {@code DELIMITER xx} command. */
	boolean hasDelimiterCommand() {
		return this == MYSQL;
	}

	boolean isIdentifierStart(char c) {
		if (c < 128) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
		}
		return Character.isLetterOrDigit(c);
	}

	boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || (c == '$' && this != H2);
	}

	/** Tracks the bodies whose inner semicolons do not end the statement. */
	BlockTracker newBlockTracker() {
		return switch (this) {
			case POSTGRESQL -> new BeginAtomicTracker();
			case MYSQL -> new CompoundStatementTracker();
			case H2 -> BlockTracker.NONE;
		};
	}

}
