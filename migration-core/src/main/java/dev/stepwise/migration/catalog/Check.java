package dev.stepwise.migration.catalog;

/**
 * A check constraint.
 * @param table the table
 * @param name the constraint's name
 * @param clause the condition as the database prints it, without {@code CHECK} around it
 */
public record Check(String table, String name, String clause) implements CatalogObject {

	@Override
	public String key() {
		return "check " + this.table + " " + this.clause;
	}

	@Override
	public String describe() {
		return "check " + this.table + "." + this.name + " " + this.clause;
	}

}
