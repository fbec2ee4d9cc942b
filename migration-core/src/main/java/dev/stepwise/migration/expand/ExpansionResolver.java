package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.dialect.DatabaseType;
import dev.stepwise.migration.version.MigrationVersion;

/**
 * Turns a {@link ColumnChange} into the record that expand stores: names in the
 * catalogue's spelling, the old column's type and NOT NULL, and both conversions spelled
 * out (a plain copy is the quoted source column).
 */
final class ExpansionResolver {

	private ExpansionResolver() {
	}

	static ExpansionRecord resolve(Connection connection, DatabaseType type, ColumnChange change, MigrationVersion version)
			throws SQLException {
		ColumnCatalog catalog = new ColumnCatalog(connection, type);
		String table = catalog.table(change.table());
		String oldColumn = catalog.findColumn(table, change.column());
		if (oldColumn == null) {
			throw new IllegalStateException("Cannot expand " + change + ": table " + table + " has no column '"
					+ change.column() + "'; its columns are " + catalog.columns(table));
		}
		String existing = catalog.findColumn(table, change.newColumn());
		if (existing != null) {
			throw new IllegalStateException("Cannot expand " + change + ": table " + table + " already has a column '"
					+ existing + "'; choose another new column name");
		}
		ColumnCatalog.ColumnDefinition old = catalog.definition(table, oldColumn);
		String newColumn = SqlNames.storedSpelling(connection.getMetaData(), change.newColumn());
		String newType = (change.newType() != null) ? change.newType() : old.type();
		String source = SqlNames.quote(type, oldColumn);
		String copy = (change.valueForNulls() != null) ? "COALESCE(" + source + ", " + change.valueForNulls() + ")" : source;
		String toNew = (change.toNewExpression() != null) ? change.toNewExpression() : copy;
		String toOld = (change.toOldExpression() != null) ? change.toOldExpression() : SqlNames.quote(type, newColumn);
		return new ExpansionRecord(change.id(), change.operation(), table, oldColumn, newColumn, old.type(), newType, toNew,
				toOld, old.notNull(), version.toString(), ExpansionState.EXPANDED, SyncTriggers.baseName(table, newColumn),
				false);
	}

}
