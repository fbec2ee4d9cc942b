package dev.stepwise.migration.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * MySQL's DDL, which MariaDB's extends: {@code ALGORITHM=INSTANT} where the server can change only
 * metadata (adding, dropping and renaming a column, a default), {@code ALGORITHM=INPLACE,
 * LOCK=NONE} for indexes so writes go on, each falling back to the server's default when it
 * refuses; and {@code MODIFY COLUMN}, which restates the current definition, for nullability
 * and type.
 */
class MySqlDdl extends Ddl {

	private static final String INSTANT = "ALGORITHM=INSTANT";

	private static final String ONLINE = "ALGORITHM=INPLACE, LOCK=NONE";

	MySqlDdl(Identifiers names) {
		super(names);
	}

	@Override
	List<Step> renameTable(String table, String newName) {
		return List.of(Step.of("RENAME TABLE " + q(table) + " TO " + q(newName)));
	}

	@Override
	List<Step> addColumn(String table, Column column) {
		return List.of(new AlgorithmFallbackStep(alter(table) + "ADD COLUMN " + columnDefinition(column), INSTANT));
	}

	@Override
	List<Step> dropColumn(String table, String column) {
		return List.of(new AlgorithmFallbackStep(alter(table) + "DROP COLUMN " + q(column), INSTANT));
	}

	@Override
	List<Step> renameColumn(String table, String column, String newName) {
		return List.of(new AlgorithmFallbackStep(alter(table) + "RENAME COLUMN " + q(column) + " TO " + q(newName),
				INSTANT));
	}

	@Override
	void checkTypeChange(String description, TypeChange change) {
		if (change.using() != null || change.reverseUsing() != null) {
			throw new IllegalArgumentException(description + ": MySQL and MariaDB cannot convert a column with an"
					+ " expression (their ALTER TABLE has no USING): remove using(...) and reverseUsing(...) to rely on"
					+ " the server's conversion, or add a new column, fill it with an UPDATE and drop the old one");
		}
	}

	@Override
	List<Step> changeColumnType(String table, String column, Type type, @Nullable String using) {
		return List.of(MySqlModifyColumnStep.type(this.names, table, column, sql(type)));
	}

	@Override
	List<Step> setNotNull(String table, String column) {
		return List.of(MySqlModifyColumnStep.nullability(this.names, table, column, false));
	}

	@Override
	List<Step> dropNotNull(String table, String column) {
		return List.of(MySqlModifyColumnStep.nullability(this.names, table, column, true));
	}

	@Override
	List<Step> setDefault(String table, String column, String sqlExpression) {
		return List.of(new AlgorithmFallbackStep(alterColumn(table, column) + "SET DEFAULT " + sqlExpression, INSTANT));
	}

	@Override
	List<Step> dropDefault(String table, String column) {
		return List.of(new AlgorithmFallbackStep(alterColumn(table, column) + "DROP DEFAULT", INSTANT));
	}

	@Override
	List<Step> addIndex(String table, String name, List<String> columns, boolean unique) {
		return List.of(new AlgorithmFallbackStep(alter(table) + "ADD " + (unique ? "UNIQUE " : "") + "INDEX " + q(name)
				+ " (" + this.names.quote(columns) + ")", ONLINE));
	}

	@Override
	List<Step> dropIndex(String table, String name) {
		return List.of(new AlgorithmFallbackStep(alter(table) + "DROP INDEX " + q(name), ONLINE));
	}

	@Override
	List<Step> dropForeignKey(String table, String name, boolean undoingAdd) {
		Step drop = Step.of(alter(table) + "DROP FOREIGN KEY " + q(name));
		return undoingAdd ? List.of(drop, new MySqlDropForeignKeyIndexStep(this.names, table, name)) : List.of(drop);
	}

	/** MySQL took DROP CONSTRAINT only in 8.0.19; DROP CHECK came with checks themselves (8.0.16). */
	@Override
	List<Step> dropCheck(String table, String name) {
		return List.of(Step.of(alter(table) + "DROP CHECK " + q(name)));
	}

	@Override
	List<Step> addUnique(String table, String name, List<String> columns) {
		return List.of(new AlgorithmFallbackStep(alter(table) + "ADD CONSTRAINT " + q(name) + " UNIQUE ("
				+ this.names.quote(columns) + ")", ONLINE));
	}

	@Override
	List<Step> dropUnique(String table, String name) {
		return dropIndex(table, name);
	}

	@Override
	String identity() {
		return "BIGINT AUTO_INCREMENT";
	}

	@Override
	String sql(Type type) {
		return type.mysql();
	}

}
