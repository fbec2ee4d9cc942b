package dev.stepwise.migration.catalog;

/**
 * A sequence that no identity column owns.
 * @param name its name
 * @param start its start value
 * @param increment its increment
 */
public record Sequence(String name, long start, long increment) implements CatalogObject {

	@Override
	public String key() {
		return "sequence " + this.name;
	}

	@Override
	public String describe() {
		return "sequence " + this.name + " start " + this.start + " increment " + this.increment;
	}

}
