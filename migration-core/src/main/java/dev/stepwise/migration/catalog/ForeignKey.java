package dev.stepwise.migration.catalog;

import java.util.List;

/**
 * A foreign key.
 * @param table the referencing table
 * @param name the constraint's name
 * @param columns the referencing columns
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, in the same order
 * @param onUpdate the update rule ({@code NO ACTION}, {@code CASCADE}, {@code SET NULL}...)
 * @param onDelete the delete rule
 */
public record ForeignKey(String table, String name, List<String> columns, String referencedTable,
		List<String> referencedColumns, String onUpdate, String onDelete) implements TablePart {

	public ForeignKey {
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
	}

	@Override
	public String key() {
		return "fk " + this.table + " " + this.columns + " -> " + this.referencedTable + " " + this.referencedColumns
				+ " on update " + this.onUpdate + " on delete " + this.onDelete;
	}

	@Override
	public String describe() {
		return "foreign key " + this.table + "." + this.name + " " + this.columns + " -> " + this.referencedTable + " "
				+ this.referencedColumns;
	}

}
