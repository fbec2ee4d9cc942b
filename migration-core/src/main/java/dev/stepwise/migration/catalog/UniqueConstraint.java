package dev.stepwise.migration.catalog;

import java.util.List;

/**
 * A unique constraint (not a unique index: that is an {@link Index}).
 * @param table the table
 * @param name the constraint's name
 * @param columns its columns, in order
 */
public record UniqueConstraint(String table, String name, List<String> columns) implements TablePart {

	public UniqueConstraint {
		columns = List.copyOf(columns);
	}

	@Override
	public String key() {
		return "unique " + this.table + " " + this.columns;
	}

	@Override
	public String describe() {
		return "unique constraint " + this.table + "." + this.name + " " + this.columns;
	}

}
