package dev.stepwise.migration.catalog;

import java.util.List;

/**
 * A table's primary key.
 * @param table the table
 * @param name the constraint's name
 * @param columns its columns, in key order
 */
public record PrimaryKey(String table, String name, List<String> columns) implements TablePart {

	public PrimaryKey {
		columns = List.copyOf(columns);
	}

	@Override
	public String key() {
		return "pk " + this.table + " " + this.columns;
	}

	@Override
	public String describe() {
		return "primary key " + this.table + " " + this.columns;
	}

}
