package dev.stepwise.migration.catalog;

import java.util.Locale;
import java.util.Objects;

import dev.stepwise.migration.api.DatabaseType;

/**
 * PostgreSQL, written so that no statement holds a lock that blocks traffic for longer than
 * it must: indexes on existing tables {@code CONCURRENTLY}, foreign keys and checks
 * {@code NOT VALID} then validated, {@code NOT NULL} on an existing column through a
 * validated check (which {@code SET NOT NULL} trusts instead of scanning the table). The
 * validations and concurrent builds go in the part that runs without a transaction.
 */
final class PostgresScriptDdl extends ScriptDdl {

	PostgresScriptDdl() {
		super(DatabaseType.POSTGRESQL);
	}

	@Override
	boolean foldsToItself(String name) {
		return name.equals(name.toLowerCase(Locale.ROOT));
	}

	@Override
	void changeColumn(Column before, Column after, ScriptParts parts) {
		String alter = "ALTER TABLE " + name(after.table()) + " ALTER COLUMN " + name(after.name());
		if (before.identity() != after.identity()) {
			parts.note("column " + after.key() + ": identity " + (after.identity() ? "added" : "removed")
					+ " is not written; write it by hand");
		}
		boolean defaultChanges = !Objects.equals(before.defaultValue(), after.defaultValue());
		if (defaultChanges && before.defaultValue() != null) {
			parts.up(alter + " DROP DEFAULT");
		}
		if (!before.type().equals(after.type())) {
			parts.up(alter + " TYPE " + after.type() + " USING " + name(after.name()) + "::" + after.type());
		}
		if (defaultChanges && after.defaultValue() != null) {
			parts.up(alter + " SET DEFAULT " + after.defaultValue());
		}
		// The undo, in the opposite order.
		if (defaultChanges && after.defaultValue() != null) {
			parts.down(alter + " DROP DEFAULT");
		}
		if (!before.type().equals(after.type())) {
			parts.down(alter + " TYPE " + before.type() + " USING " + name(after.name()) + "::" + before.type());
		}
		if (defaultChanges && before.defaultValue() != null) {
			parts.down(alter + " SET DEFAULT " + before.defaultValue());
		}
		if (before.nullable() && !after.nullable()) {
			String check = name(after.table() + "_" + after.name() + "_not_null");
			String table = "ALTER TABLE " + name(after.table());
			parts.upWithoutTransaction(table + " ADD CONSTRAINT " + check + " CHECK (" + name(after.name())
					+ " IS NOT NULL) NOT VALID");
			parts.upWithoutTransaction(table + " VALIDATE CONSTRAINT " + check);
			parts.upWithoutTransaction(alter + " SET NOT NULL");
			parts.upWithoutTransaction(table + " DROP CONSTRAINT " + check);
			parts.downWithoutTransaction(alter + " DROP NOT NULL");
		}
		else if (!before.nullable() && after.nullable()) {
			parts.up(alter + " DROP NOT NULL");
			parts.down(alter + " SET NOT NULL");
		}
	}

	@Override
	void add(CatalogObject object, boolean existingTable, ScriptParts parts) {
		if (!existingTable) {
			super.add(object, false, parts);
			return;
		}
		String table = name(tableOf(object));
		String name = name(object.name());
		if (object instanceof Index index) {
			parts.upWithoutTransaction("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + name
					+ " ON " + table + " (" + String.join(", ", index.columns()) + ")");
			parts.downWithoutTransaction("DROP INDEX CONCURRENTLY " + name);
		}
		else if (object instanceof UniqueConstraint unique) {
			parts.upWithoutTransaction("CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + table + " ("
					+ names(unique.columns()) + ")");
			parts.upWithoutTransaction("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name);
			parts.downWithoutTransaction("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
		}
		else if (object instanceof Check) {
			parts.up(addStatement(object) + " NOT VALID");
			parts.upWithoutTransaction("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name);
			parts.down(dropConstraint(tableOf(object), object.name()));
		}
		else {
			super.add(object, true, parts);
		}
	}

	@Override
	void addForeignKey(ForeignKey key, boolean existingTable, ScriptParts parts) {
		if (!existingTable) {
			super.addForeignKey(key, false, parts);
			return;
		}
		parts.up(addStatement(key) + " NOT VALID");
		parts.upWithoutTransaction("ALTER TABLE " + name(key.table()) + " VALIDATE CONSTRAINT " + name(key.name()));
		parts.down(dropConstraint(key.table(), key.name()));
	}

}
