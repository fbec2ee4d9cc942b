package dev.stepwise.migration.catalog;

import java.util.List;
import java.util.Locale;

import dev.stepwise.migration.api.DatabaseType;

/**
 * MariaDB and MySQL: a column changes with one {@code MODIFY COLUMN}; indexes and unique
 * keys on existing tables are built in place without blocking writes
 * ({@code ALGORITHM=INPLACE, LOCK=NONE}, refused rather than silently copying the table);
 * dropping a foreign key also drops the index InnoDB made for it.
 */
final class MariaDbScriptDdl extends ScriptDdl {

	MariaDbScriptDdl(DatabaseType type) {
		super(type);
	}

	@Override
	boolean foldsToItself(String name) {
		return true;
	}

	@Override
	String columnDefinition(Column column) {
		StringBuilder definition = new StringBuilder(name(column.name())).append(' ').append(column.type());
		if (!column.nullable()) {
			definition.append(" NOT NULL");
		}
		if (column.defaultValue() != null) {
			definition.append(" DEFAULT ").append(column.defaultValue());
		}
		if (column.identity()) {
			definition.append(" AUTO_INCREMENT");
		}
		return definition.toString();
	}

	/** CAST takes its own type names here: SIGNED for the integers, CHAR for the strings. */
	@Override
	String cast(String expression, String type) {
		String lower = type.toLowerCase(Locale.ROOT);
		String target = type;
		if (lower.matches("(tiny|small|medium|big)?int(eger)?(\\(\\d+\\))?")) {
			target = "SIGNED";
		}
		else if (lower.matches("(var)?char\\(\\d+\\)")) {
			target = "CHAR" + lower.substring(lower.indexOf('('));
		}
		else if (lower.endsWith("text")) {
			target = "CHAR";
		}
		return "CAST(" + expression + " AS " + target + ")";
	}

	@Override
	String constraintPrefix(CatalogObject object, String name) {
		// The primary key is always called PRIMARY.
		return (object instanceof PrimaryKey) ? "" : super.constraintPrefix(object, name);
	}

	@Override
	void changeColumn(Column before, Column after, ScriptParts parts) {
		parts.up("ALTER TABLE " + name(after.table()) + " MODIFY COLUMN " + columnDefinition(after));
		parts.down("ALTER TABLE " + name(before.table()) + " MODIFY COLUMN " + columnDefinition(before));
	}

	@Override
	void add(CatalogObject object, boolean existingTable, ScriptParts parts) {
		String statement = addStatement(object);
		if (existingTable && (object instanceof Index || object instanceof UniqueConstraint)) {
			statement += (object instanceof Index) ? " ALGORITHM=INPLACE LOCK=NONE" : ", ALGORITHM=INPLACE, LOCK=NONE";
		}
		parts.up(statement);
		parts.down(dropStatements(object, object.name()));
	}

	@Override
	List<String> dropStatements(CatalogObject object, String name) {
		String table = name(tableOf(object));
		if (object instanceof Index || object instanceof UniqueConstraint) {
			return List.of("DROP INDEX " + name(name) + " ON " + table);
		}
		if (object instanceof PrimaryKey) {
			return List.of("ALTER TABLE " + table + " DROP PRIMARY KEY");
		}
		if (object instanceof ForeignKey) {
			return List.of("ALTER TABLE " + table + " DROP FOREIGN KEY " + name(name),
					"DROP INDEX IF EXISTS " + name(name) + " ON " + table);
		}
		return List.of(dropConstraint(tableOf(object), name));
	}

}
