package dev.stepwise.migration.catalog;

/**
 * One difference between two catalogues, in the order that applying them needs.
 */
public sealed interface Difference permits Difference.Added, Difference.Dropped, Difference.Changed,
		Difference.Renamed {

	/** What the difference is, in words. */
	String describe();

	/** Something the target has and the current catalogue lacks. */
	record Added(CatalogObject object) implements Difference {

		@Override
		public String describe() {
			return "+ " + this.object.describe();
		}

	}

	/** Something the current catalogue has and the target lacks. */
	record Dropped(CatalogObject object) implements Difference {

		@Override
		public String describe() {
			return "- " + this.object.describe();
		}

	}

	/** A column or sequence whose definition differs. */
	record Changed(CatalogObject before, CatalogObject after) implements Difference {

		@Override
		public String describe() {
			return "~ " + this.before.describe() + "  ->  " + this.after.describe();
		}

	}

	/** A column renamed, because the user said so. */
	record Renamed(Column before, Column after) implements Difference {

		@Override
		public String describe() {
			return "> column " + this.before.key() + " renamed to " + this.after.name();
		}

	}

}
