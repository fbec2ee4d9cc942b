package dev.stepwise.migration.schema;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.stepwise.migration.schema.TableBuilder.TableDefinition;

/**
 * Builds each {@link SchemaChange} with its statements from the dialect's {@link Ddl} and
 * pairs it with its inverse: every add with its drop, every rename with the rename back.
 * A drop is reversible only when it is given the definition to recreate.
 */
final class Changes {

	private static final String OWN_DOWN = ", or give the migration its own down()";

	private final Ddl ddl;

	private final Identifiers names;

	Changes(Ddl ddl) {
		this.ddl = ddl;
		this.names = ddl.names;
	}

	SchemaChange createTable(String table, TableDefinition definition) {
		checkTable(table, definition);
		return SchemaChange.reversible(call("createTable", table), this.ddl.createTable(table, definition),
				() -> dropTable(table, definition));
	}

	SchemaChange dropTable(String table) {
		table(table);
		return SchemaChange.irreversible(call("dropTable", table), this.ddl.dropTable(table),
				"the table's definition is unknown: pass it, as in dropTable(\"" + table
						+ "\", (table) -> table.id(\"id\")...)" + OWN_DOWN);
	}

	SchemaChange dropTable(String table, TableDefinition definition) {
		checkTable(table, definition);
		return SchemaChange.reversible(call("dropTable", table), this.ddl.dropTable(table),
				() -> createTable(table, definition));
	}

	SchemaChange renameTable(String table, String newName) {
		table(table);
		table(newName);
		return SchemaChange.reversible(call("renameTable", table, newName), this.ddl.renameTable(table, newName),
				() -> renameTable(newName, table));
	}

	SchemaChange addColumn(String table, Column column) {
		checkColumn(table, column.name());
		return SchemaChange.reversible(call("addColumn", table, column), this.ddl.addColumn(table, column),
				() -> dropColumn(table, column));
	}

	SchemaChange dropColumn(String table, String column) {
		checkColumn(table, column);
		return SchemaChange.irreversible(call("dropColumn", table, column), this.ddl.dropColumn(table, column),
				"the column's definition is unknown: pass it, as in dropColumn(\"" + table + "\", Column.of(\"" + column
						+ "\", Type.text()))" + OWN_DOWN);
	}

	SchemaChange dropColumn(String table, Column column) {
		checkColumn(table, column.name());
		return SchemaChange.reversible(call("dropColumn", table, column), this.ddl.dropColumn(table, column.name()),
				() -> addColumn(table, column));
	}

	SchemaChange renameColumn(String table, String column, String newName) {
		checkColumn(table, column);
		column(newName);
		return SchemaChange.reversible(call("renameColumn", table, column, newName),
				this.ddl.renameColumn(table, column, newName), () -> renameColumn(table, newName, column));
	}

	SchemaChange changeColumnType(String table, String column, Type type) {
		checkColumn(table, column);
		return SchemaChange.irreversible(call("changeColumnType", table, column, type),
				this.ddl.changeColumnType(table, column, type, null),
				"the column's type before is unknown: pass it, as in changeColumnType(\"" + table + "\", \"" + column
						+ "\", TypeChange.of(from, " + type + "))" + OWN_DOWN);
	}

	SchemaChange changeColumnType(String table, String column, TypeChange change) {
		checkColumn(table, column);
		String description = call("changeColumnType", table, column, change);
		this.ddl.checkTypeChange(description, change);
		return SchemaChange.reversible(description,
				this.ddl.changeColumnType(table, column, change.to(), change.using()),
				() -> changeColumnType(table, column, change.reversed()));
	}

	SchemaChange setNotNull(String table, String column) {
		checkColumn(table, column);
		return SchemaChange.reversible(call("setNotNull", table, column), this.ddl.setNotNull(table, column),
				() -> dropNotNull(table, column));
	}

	SchemaChange dropNotNull(String table, String column) {
		checkColumn(table, column);
		return SchemaChange.reversible(call("dropNotNull", table, column), this.ddl.dropNotNull(table, column),
				() -> setNotNull(table, column));
	}

	SchemaChange setDefault(String table, String column, String sqlExpression) {
		checkDefault(table, column, sqlExpression);
		return SchemaChange.reversible(call("setDefault", table, column, sqlExpression),
				this.ddl.setDefault(table, column, sqlExpression), () -> dropDefault(table, column, sqlExpression));
	}

	SchemaChange dropDefault(String table, String column) {
		checkColumn(table, column);
		return SchemaChange.irreversible(call("dropDefault", table, column), this.ddl.dropDefault(table, column),
				"the default before is unknown: pass it, as in dropDefault(\"" + table + "\", \"" + column
						+ "\", \"0\")" + OWN_DOWN);
	}

	SchemaChange dropDefault(String table, String column, String previousSqlExpression) {
		checkDefault(table, column, previousSqlExpression);
		return SchemaChange.reversible(call("dropDefault", table, column, previousSqlExpression),
				this.ddl.dropDefault(table, column), () -> setDefault(table, column, previousSqlExpression));
	}

	SchemaChange addIndex(String table, String name, List<String> columns, boolean unique) {
		checkIndex(table, name, columns);
		return SchemaChange.reversible(call(unique ? "addUniqueIndex" : "addIndex", table, name, columns),
				this.ddl.addIndex(table, name, columns, unique), () -> dropIndex(table, name, columns, unique));
	}

	SchemaChange dropIndex(String table, String name) {
		table(table);
		index(name);
		return SchemaChange.irreversible(call("dropIndex", table, name), this.ddl.dropIndex(table, name),
				"the index's columns are unknown: pass them, as in dropIndex(\"" + table + "\", \"" + name
						+ "\", \"column\")" + OWN_DOWN);
	}

	SchemaChange dropIndex(String table, String name, List<String> columns, boolean unique) {
		checkIndex(table, name, columns);
		return SchemaChange.reversible(call(unique ? "dropUniqueIndex" : "dropIndex", table, name, columns),
				this.ddl.dropIndex(table, name), () -> addIndex(table, name, columns, unique));
	}

	SchemaChange addForeignKey(String table, String name, ForeignKey foreignKey) {
		checkForeignKey(table, name, foreignKey);
		return SchemaChange.reversible(call("addForeignKey", table, name, foreignKey),
				this.ddl.addForeignKey(table, name, foreignKey), () -> dropForeignKey(table, name, foreignKey, true));
	}

	SchemaChange dropForeignKey(String table, String name) {
		checkConstraint(table, name);
		return SchemaChange.irreversible(call("dropForeignKey", table, name),
				this.ddl.dropForeignKey(table, name, false),
				"the foreign key's definition is unknown: pass it, as in dropForeignKey(\"" + table + "\", \"" + name
						+ "\", ForeignKey.from(\"column\").references(\"table\", \"id\"))" + OWN_DOWN);
	}

	SchemaChange dropForeignKey(String table, String name, ForeignKey foreignKey, boolean undoingAdd) {
		checkForeignKey(table, name, foreignKey);
		return SchemaChange.reversible(call("dropForeignKey", table, name, foreignKey),
				this.ddl.dropForeignKey(table, name, undoingAdd), () -> addForeignKey(table, name, foreignKey));
	}

	SchemaChange addCheck(String table, String name, String condition) {
		checkCheckConstraint(table, name, condition);
		return SchemaChange.reversible(call("addCheck", table, name, condition),
				this.ddl.addCheck(table, name, condition), () -> dropCheck(table, name, condition));
	}

	SchemaChange dropCheck(String table, String name) {
		checkConstraint(table, name);
		return SchemaChange.irreversible(call("dropCheck", table, name), this.ddl.dropCheck(table, name),
				"the check's condition is unknown: pass it, as in dropCheck(\"" + table + "\", \"" + name
						+ "\", \"price >= 0\")" + OWN_DOWN);
	}

	SchemaChange dropCheck(String table, String name, String condition) {
		checkCheckConstraint(table, name, condition);
		return SchemaChange.reversible(call("dropCheck", table, name, condition), this.ddl.dropCheck(table, name),
				() -> addCheck(table, name, condition));
	}

	SchemaChange addUnique(String table, String name, List<String> columns) {
		checkUnique(table, name, columns);
		return SchemaChange.reversible(call("addUnique", table, name, columns),
				this.ddl.addUnique(table, name, columns), () -> dropUnique(table, name, columns));
	}

	SchemaChange dropUnique(String table, String name) {
		checkConstraint(table, name);
		return SchemaChange.irreversible(call("dropUnique", table, name), this.ddl.dropUnique(table, name),
				"the constraint's columns are unknown: pass them, as in dropUnique(\"" + table + "\", \"" + name
						+ "\", \"column\")" + OWN_DOWN);
	}

	SchemaChange dropUnique(String table, String name, List<String> columns) {
		checkUnique(table, name, columns);
		return SchemaChange.reversible(call("dropUnique", table, name, columns), this.ddl.dropUnique(table, name),
				() -> addUnique(table, name, columns));
	}

	SchemaChange createView(String view, String selectSql) {
		checkView(view, selectSql);
		return SchemaChange.reversible(call("createView", view), this.ddl.createView(view, selectSql),
				() -> dropView(view, selectSql));
	}

	SchemaChange dropView(String view) {
		view(view);
		return SchemaChange.irreversible(call("dropView", view), this.ddl.dropView(view),
				"the view's query is unknown: pass it, as in dropView(\"" + view + "\", \"SELECT ...\")" + OWN_DOWN);
	}

	SchemaChange dropView(String view, String selectSql) {
		checkView(view, selectSql);
		return SchemaChange.reversible(call("dropView", view), this.ddl.dropView(view),
				() -> createView(view, selectSql));
	}

	private void checkTable(String table, TableDefinition definition) {
		table(table);
		definition.columns().forEach((column) -> column(column.name()));
	}

	private void checkForeignKey(String table, String name, ForeignKey foreignKey) {
		checkConstraint(table, name);
		table(foreignKey.referencedTable());
		foreignKey.columns().forEach(this::column);
		foreignKey.referencedColumns().forEach(this::column);
	}

	private void checkColumn(String table, String column) {
		table(table);
		column(column);
	}

	private void checkDefault(String table, String column, String sqlExpression) {
		checkColumn(table, column);
		expression("default", sqlExpression);
	}

	private void checkIndex(String table, String name, List<String> columns) {
		table(table);
		index(name);
		columns.forEach(this::column);
	}

	private void checkConstraint(String table, String name) {
		table(table);
		constraint(name);
	}

	private void checkCheckConstraint(String table, String name, String condition) {
		checkConstraint(table, name);
		expression("check condition", condition);
	}

	private void checkUnique(String table, String name, List<String> columns) {
		checkConstraint(table, name);
		columns.forEach(this::column);
	}

	private void checkView(String view, String selectSql) {
		view(view);
		expression("view query", selectSql);
	}

	private void table(String name) {
		this.names.check("table", name);
	}

	private void column(String name) {
		this.names.check("column", name);
	}

	private void index(String name) {
		this.names.check("index", name);
	}

	private void constraint(String name) {
		this.names.check("constraint", name);
	}

	private void view(String name) {
		this.names.check("view", name);
	}

	private static void expression(String what, String sql) {
		if (sql.isBlank()) {
			throw new IllegalArgumentException("The " + what + " needs SQL, not an empty string");
		}
	}

	/** The operation as it was called: {@code dropColumn("users", "nickname")}. */
	private static String call(String operation, Object... arguments) {
		return operation + Arrays.stream(arguments)
			.map((argument) -> (argument instanceof String text) ? "\"" + text + "\"" : String.valueOf(argument))
			.collect(Collectors.joining(", ", "(", ")"));
	}

}
