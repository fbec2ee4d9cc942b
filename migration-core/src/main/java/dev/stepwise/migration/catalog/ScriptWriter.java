package dev.stepwise.migration.catalog;

import java.util.HashSet;
import java.util.Set;

import dev.stepwise.migration.catalog.Difference.Added;
import dev.stepwise.migration.catalog.Difference.Changed;
import dev.stepwise.migration.catalog.Difference.Dropped;
import dev.stepwise.migration.catalog.Difference.Renamed;

/**
 * Writes the SQL for a comparison, and its undo, in the database's own DDL.
 * <ol>
 * <li>Each difference, in the comparison's order, gives its statements and the statements
 * that undo it; the undo runs the differences backwards.</li>
 * <li>A new table comes with its primary key, unique and check constraints and indexes;
 * foreign keys follow once every table exists.</li>
 * <li>Tables, columns and sequences that hold data are dropped only when
 * {@link WriteOptions#allowDrop()} says so; otherwise they stay, with a note, and so do the
 * foreign keys of a table that stays.</li>
 * <li>A new {@code NOT NULL} column without a default gets a note: the table's rows need a
 * value before it can be added.</li>
 * </ol>
 * Every statement runs under the engine's DDL lock timeout and retries, as any migration's.
 */
public final class ScriptWriter {

	private ScriptWriter() {
	}

	/**
	 * Writes the migration.
	 * @param diff the differences
	 * @param current the catalogue they start from
	 * @param options what may be dropped
	 * @return the statements, their undo, and notes
	 */
	public static GeneratedMigration write(CatalogDiff diff, Catalog current, WriteOptions options) {
		ScriptDdl ddl = ScriptDdl.of(current.type());
		ScriptParts parts = new ScriptParts();
		Set<String> keptTables = new HashSet<>();
		if (!options.allowDrop()) {
			diff.differences()
				.stream()
				.filter((difference) -> difference instanceof Dropped dropped && dropped.object() instanceof Table)
				.forEach((difference) -> keptTables.add(((Table) ((Dropped) difference).object()).name()));
		}
		for (Difference difference : diff.differences()) {
			if (difference instanceof Renamed && options.expand()) {
				// Written as an expand in a Java migration of its own.
				continue;
			}
			if (difference instanceof Renamed renamed) {
				parts.up(ddl.renameColumn(renamed.before().table(), renamed.before().name(), renamed.after().name()));
				parts.down(ddl.renameColumn(renamed.before().table(), renamed.after().name(), renamed.before().name()));
			}
			else if (difference instanceof Added added) {
				added(ddl, added.object(), current, parts);
			}
			else if (difference instanceof Dropped dropped) {
				dropped(ddl, dropped.object(), options, keptTables, parts);
			}
			else if (difference instanceof Changed changed) {
				if (changed.after() instanceof Column after) {
					ddl.changeColumn((Column) changed.before(), after, parts);
				}
				else {
					Sequence before = (Sequence) changed.before();
					parts.up(ddl.alterSequence((Sequence) changed.after()));
					parts.down(ddl.alterSequence(before));
				}
			}
			parts.endDifference();
		}
		return parts.migration();
	}

	private static void added(ScriptDdl ddl, CatalogObject object, Catalog current, ScriptParts parts) {
		if (object instanceof Table table) {
			parts.up(ddl.createTable(table));
			table.indexes().forEach((index) -> parts.up(ddl.addStatement(index)));
			parts.down(ddl.dropTable(table));
		}
		else if (object instanceof Column column) {
			if (!column.nullable() && column.defaultValue() == null && !column.identity()) {
				parts.note("column " + column.key() + " is NOT NULL without a default: adding it fails on a table"
						+ " with rows; give it a default or fill the table first");
			}
			parts.up(ddl.addColumn(column));
			parts.down(ddl.dropColumn(column));
		}
		else if (object instanceof Sequence sequence) {
			parts.up(ddl.createSequence(sequence));
			parts.down(ddl.dropSequence(sequence));
		}
		else if (object instanceof ForeignKey key) {
			ddl.addForeignKey(key, current.tables().containsKey(key.table()), parts);
		}
		else {
			ddl.add(object, current.tables().containsKey(ScriptDdl.tableOf(object)), parts);
		}
	}

	private static void dropped(ScriptDdl ddl, CatalogObject object, WriteOptions options, Set<String> keptTables,
			ScriptParts parts) {
		if (object instanceof Table table) {
			if (!options.allowDrop()) {
				parts.note("table " + table.name() + " is not in the target: not dropped (--allow-drop drops it)");
				return;
			}
			parts.up(ddl.dropTable(table));
			parts.down(ddl.createTable(table));
			table.indexes().forEach((index) -> parts.down(ddl.addStatement(index)));
		}
		else if (object instanceof Column column) {
			if (!options.allowDrop()) {
				parts.note("column " + column.key() + " is not in the target: not dropped (--allow-drop drops it)");
				return;
			}
			parts.up(ddl.dropColumn(column));
			parts.down(ddl.addColumn(column));
		}
		else if (object instanceof Sequence sequence) {
			if (!options.allowDrop()) {
				parts.note("sequence " + sequence.name() + " is not in the target: not dropped (--allow-drop drops it)");
				return;
			}
			parts.up(ddl.dropSequence(sequence));
			parts.down(ddl.createSequence(sequence));
		}
		else {
			String table = ScriptDdl.tableOf(object);
			if (keptTables.contains(table)) {
				return;
			}
			parts.up(ddl.dropStatements(object, object.name()));
			parts.down(ddl.addStatement(object));
		}
	}

}
