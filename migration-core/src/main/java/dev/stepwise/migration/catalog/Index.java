package dev.stepwise.migration.catalog;

import java.util.List;

/**
 * An index that no constraint owns (the index behind a primary key, a unique constraint or,
 * on MariaDB and H2, a foreign key belongs to that constraint).
 * @param table the table
 * @param name the index's name
 * @param columns its columns or expressions, in order
 * @param unique whether it is unique
 */
public record Index(String table, String name, List<String> columns, boolean unique) implements TablePart {

	public Index {
		columns = List.copyOf(columns);
	}

	@Override
	public String key() {
		return (this.unique ? "unique index " : "index ") + this.table + " " + this.columns;
	}

	@Override
	public String describe() {
		return (this.unique ? "unique index " : "index ") + this.table + "." + this.name + " " + this.columns;
	}

}
