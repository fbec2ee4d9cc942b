package dev.stepwise.migration.schema;

import java.util.List;

/**
 * PostgreSQL's DDL, safe for a table in use: indexes are built {@code CONCURRENTLY},
 * foreign keys and checks are added {@code NOT VALID} and validated in a transaction of
 * their own, {@code SET NOT NULL} is proved by a validated check first so it does not scan
 * under an exclusive lock, and a unique constraint adopts a concurrently built index.
 */
final class PostgresDdl extends Ddl {

	PostgresDdl(Identifiers names) {
		super(names);
	}

	@Override
	String sql(Type type) {
		return type.postgresql();
	}

	@Override
	List<Step> setNotNull(String table, String column) {
		String check = q(this.names.generated(table, column, "nn_check"));
		return List.of(Step.of(alter(table) + "ADD CONSTRAINT " + check + " CHECK (" + q(column)
				+ " IS NOT NULL) NOT VALID"), new ValidateConstraintStep(q(table), check),
				// PostgreSQL 12+ skips the table scan when a valid check proves the column has no nulls.
				Step.of(alterColumn(table, column) + "SET NOT NULL"), Step.of(alter(table) + "DROP CONSTRAINT " + check));
	}

	@Override
	List<Step> addIndex(String table, String name, List<String> columns, boolean unique) {
		return List.of(concurrentIndex(table, name, columns, unique));
	}

	@Override
	List<Step> dropIndex(String table, String name) {
		return List.of(Step.outsideTransaction("DROP INDEX CONCURRENTLY " + q(name)));
	}

	@Override
	List<Step> addForeignKey(String table, String name, ForeignKey foreignKey) {
		return List.of(Step.of(alter(table) + "ADD CONSTRAINT " + q(name) + " " + foreignKeyDefinition(foreignKey)
				+ " NOT VALID"), new ValidateConstraintStep(q(table), q(name)));
	}

	@Override
	List<Step> addCheck(String table, String name, String condition) {
		return List.of(Step.of(alter(table) + "ADD CONSTRAINT " + q(name) + " CHECK (" + condition + ") NOT VALID"),
				new ValidateConstraintStep(q(table), q(name)));
	}

	@Override
	List<Step> addUnique(String table, String name, List<String> columns) {
		return List.of(concurrentIndex(table, name, columns, true),
				Step.of(alter(table) + "ADD CONSTRAINT " + q(name) + " UNIQUE USING INDEX " + q(name)));
	}

	private Step concurrentIndex(String table, String name, List<String> columns, boolean unique) {
		String sql = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + q(name) + " ON " + q(table) + " ("
				+ this.names.quote(columns) + ")";
		return new ConcurrentIndexStep(sql, q(name), this.names.stored(name));
	}

}
