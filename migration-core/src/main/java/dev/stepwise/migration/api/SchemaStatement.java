package dev.stepwise.migration.api;

/**
 * One SQL statement planned by the schema DSL (as a dry run shows it) or by an expand or
 * contract, as a {@link StatementExecutor} runs it.
 * <p>
 * A statement that is not {@code transactional} must run outside the migration's
 * transaction, in auto-commit: either it cannot run in one at all ({@code CREATE INDEX
 * CONCURRENTLY}), or running it in one would defeat its purpose ({@code VALIDATE
 * CONSTRAINT} after an {@code ADD CONSTRAINT ... NOT VALID} would then scan the table
 * under the exclusive lock the {@code ADD} took).
 *
 * @param sql the statement
 * @param transactional whether it may run inside the migration's transaction
 */
public record SchemaStatement(String sql, boolean transactional) {

	@Override
	public String toString() {
		return this.transactional ? this.sql : this.sql + " -- outside a transaction";
	}

}
