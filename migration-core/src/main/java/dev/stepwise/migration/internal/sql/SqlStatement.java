package dev.stepwise.migration.internal.sql;

import org.jspecify.annotations.Nullable;

/**
 * One statement of a SQL script, as the database will receive it.
 *
 * @param sql the statement text as written, without its delimiter and without the
 * whitespace and comments around it; comments inside the statement are kept verbatim
 * @param line the 1-based line of the statement's first significant character
 * @param transactional whether the statement runs inside the migration's transaction
 * ({@code false} for statements such as {@code CREATE INDEX CONCURRENTLY}, or for every
 * statement of a script marked {@code -- stepwise:no-transaction})
 * @param copyData for PostgreSQL's {@code COPY ... FROM stdin}, the data lines that follow
 * it in the script (without the closing {@code \.} line); {@code null} for other statements
 */
public record SqlStatement(String sql, int line, boolean transactional, @Nullable String copyData) {

	/** A statement without data. */
	public SqlStatement(String sql, int line, boolean transactional) {
		this(sql, line, transactional, null);
	}

}
