package dev.stepwise.migration.schema;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.schema.TableBuilder.TableDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The DDL of each schema operation, in standard SQL as H2 takes it; the PostgreSQL and MySQL
 * subclasses replace what their dialect does differently or more safely. Every name goes
 * through {@link Identifiers#quote(String)}.
 */
class Ddl {

	final Identifiers names;

	Ddl(Identifiers names) {
		this.names = names;
	}

	static Ddl of(Identifiers names) {
		return switch (names.type()) {
			case POSTGRESQL -> new PostgresDdl(names);
			case MYSQL -> new MySqlDdl(names);
			case MARIADB -> new MariaDbDdl(names);
			case H2 -> new Ddl(names);
		};
	}

	List<Step> createTable(String table, TableDefinition definition) {
		List<String> parts = new ArrayList<>();
		definition.columns().forEach((column) -> parts.add(columnDefinition(column)));
		if (!definition.primaryKey().isEmpty()) {
			parts.add("CONSTRAINT " + q(this.names.generated(table, "pkey")) + " PRIMARY KEY ("
					+ this.names.quote(definition.primaryKey()) + ")");
		}
		return List.of(Step.of("CREATE TABLE " + q(table) + " (" + String.join(", ", parts) + ")"));
	}

	List<Step> dropTable(String table) {
		return List.of(Step.of("DROP TABLE " + q(table)));
	}

	List<Step> renameTable(String table, String newName) {
		return List.of(Step.of("ALTER TABLE " + q(table) + " RENAME TO " + q(newName)));
	}

	List<Step> addColumn(String table, Column column) {
		return List.of(Step.of(alter(table) + "ADD COLUMN " + columnDefinition(column)));
	}

	List<Step> dropColumn(String table, String column) {
		return List.of(Step.of(alter(table) + "DROP COLUMN " + q(column)));
	}

	List<Step> renameColumn(String table, String column, String newName) {
		return List.of(Step.of(alter(table) + "RENAME COLUMN " + q(column) + " TO " + q(newName)));
	}

	/**
	 * Refuses, when it is recorded, a type change this dialect cannot run.
	 * @param description the operation, for the message
	 * @param change the change
	 */
	void checkTypeChange(String description, TypeChange change) {
	}

	List<Step> changeColumnType(String table, String column, Type type, @Nullable String using) {
		return List.of(Step.of(alterColumn(table, column) + "SET DATA TYPE " + sql(type)
				+ ((using != null) ? " USING " + using : "")));
	}

	List<Step> setNotNull(String table, String column) {
		return List.of(Step.of(alterColumn(table, column) + "SET NOT NULL"));
	}

	List<Step> dropNotNull(String table, String column) {
		return List.of(Step.of(alterColumn(table, column) + "DROP NOT NULL"));
	}

	List<Step> setDefault(String table, String column, String sqlExpression) {
		return List.of(Step.of(alterColumn(table, column) + "SET DEFAULT " + sqlExpression));
	}

	List<Step> dropDefault(String table, String column) {
		return List.of(Step.of(alterColumn(table, column) + "DROP DEFAULT"));
	}

	List<Step> addIndex(String table, String name, List<String> columns, boolean unique) {
		return List.of(Step.of("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + q(name) + " ON " + q(table) + " ("
				+ this.names.quote(columns) + ")"));
	}

	List<Step> dropIndex(String table, String name) {
		return List.of(Step.of("DROP INDEX " + q(name)));
	}

	List<Step> addForeignKey(String table, String name, ForeignKey foreignKey) {
		return List.of(Step.of(alter(table) + "ADD CONSTRAINT " + q(name) + " " + foreignKeyDefinition(foreignKey)));
	}

	/**
	 * @param undoingAdd whether this undoes an {@code addForeignKey} of the same migration,
	 * in which case what the add created implicitly goes too
	 */
	List<Step> dropForeignKey(String table, String name, boolean undoingAdd) {
		return List.of(Step.of(alter(table) + "DROP CONSTRAINT " + q(name)));
	}

	List<Step> addCheck(String table, String name, String condition) {
		return List.of(Step.of(alter(table) + "ADD CONSTRAINT " + q(name) + " CHECK (" + condition + ")"));
	}

	List<Step> dropCheck(String table, String name) {
		return List.of(Step.of(alter(table) + "DROP CONSTRAINT " + q(name)));
	}

	List<Step> addUnique(String table, String name, List<String> columns) {
		return List.of(Step.of(alter(table) + "ADD CONSTRAINT " + q(name) + " UNIQUE (" + this.names.quote(columns)
				+ ")"));
	}

	List<Step> dropUnique(String table, String name) {
		return List.of(Step.of(alter(table) + "DROP CONSTRAINT " + q(name)));
	}

	List<Step> createView(String view, String selectSql) {
		return List.of(Step.of("CREATE VIEW " + q(view) + " AS " + selectSql));
	}

	List<Step> dropView(String view) {
		return List.of(Step.of("DROP VIEW " + q(view)));
	}

	String columnDefinition(Column column) {
		StringBuilder sql = new StringBuilder(q(column.name())).append(' ');
		sql.append(column.isIdentity() ? identity() : sql(column.type()));
		if (column.defaultValue() != null) {
			sql.append(" DEFAULT ").append(column.defaultValue());
		}
		if (!column.nullable()) {
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

	String identity() {
		return "BIGINT GENERATED BY DEFAULT AS IDENTITY";
	}

	String foreignKeyDefinition(ForeignKey foreignKey) {
		StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(this.names.quote(foreignKey.columns()))
			.append(") REFERENCES ").append(q(foreignKey.referencedTable())).append(" (")
			.append(this.names.quote(foreignKey.referencedColumns())).append(')');
		if (foreignKey.onDelete() != ForeignKey.Action.NO_ACTION) {
			sql.append(" ON DELETE ").append(foreignKey.onDelete().sql());
		}
		if (foreignKey.onUpdate() != ForeignKey.Action.NO_ACTION) {
			sql.append(" ON UPDATE ").append(foreignKey.onUpdate().sql());
		}
		return sql.toString();
	}

	String alter(String table) {
		return "ALTER TABLE " + q(table) + " ";
	}

	String alterColumn(String table, String column) {
		return alter(table) + "ALTER COLUMN " + q(column) + " ";
	}

	String q(String name) {
		return this.names.quote(name);
	}

	/** The type in this database's SQL. */
	String sql(Type type) {
		return type.h2();
	}

}
