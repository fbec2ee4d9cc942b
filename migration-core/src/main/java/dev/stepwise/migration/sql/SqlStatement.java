package dev.stepwise.migration.sql;

/**
 * One statement of a SQL script, as the database will receive it.
 *
 * @param sql the statement text as written, without its delimiter and without the
 * whitespace and comments around it; comments inside the statement are kept verbatim
 * @param line the 1-based line of the statement's first significant character
 * @param transactional whether the statement runs inside the migration's transaction
 * ({@code false} for statements such as {@code CREATE INDEX CONCURRENTLY}, or for every
 * statement of a script marked {@code -- stepwise:no-transaction})
 */
public record SqlStatement(String sql, int line, boolean transactional) {

}
