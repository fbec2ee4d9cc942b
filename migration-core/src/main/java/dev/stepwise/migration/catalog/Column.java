package dev.stepwise.migration.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A column as the database spells it.
 * @param table the table's name
 * @param name the column's name
 * @param type the type in the database's own DDL spelling ({@code character varying(255)})
 * @param nullable whether it accepts {@code NULL}
 * @param defaultValue the default as an SQL expression, or {@code null}
 * @param identity whether the database generates its values (identity or auto-increment)
 */
public record Column(String table, String name, String type, boolean nullable, @Nullable String defaultValue,
		boolean identity) implements TablePart {

	@Override
	public String key() {
		return this.table + "." + this.name;
	}

	/** The same column in another table or under another name. */
	public Column renamed(String table, String name) {
		return new Column(table, name, this.type, this.nullable, this.defaultValue, this.identity);
	}

	/** Whether the definition (not the name) equals the other column's. */
	public boolean sameDefinition(Column other) {
		return this.type.equals(other.type) && this.nullable == other.nullable
				&& java.util.Objects.equals(this.defaultValue, other.defaultValue) && this.identity == other.identity;
	}

	@Override
	public String describe() {
		return "column " + key() + " " + this.type + (this.nullable ? "" : " not null")
				+ ((this.defaultValue != null) ? " default " + this.defaultValue : "") + (this.identity ? " identity" : "");
	}

}
