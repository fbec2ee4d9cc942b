package dev.stepwise.migration.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.stepwise.migration.catalog.Difference.Added;
import dev.stepwise.migration.catalog.Difference.Changed;
import dev.stepwise.migration.catalog.Difference.Renamed;
import dev.stepwise.migration.expand.ColumnChange;

/**
 * Decides, before any SQL is written, how each column change that the running release
 * would not survive is written: as an expand, in place, or not at all.
 * <ol>
 * <li>With {@link WriteOptions#expand()}, a column renamed by the user becomes one expand:
 * a rename, a type change ({@code CAST} both ways) or a new {@code NOT NULL} (nulls become the
 * new column's default); its differences leave the SQL.</li>
 * <li>A type change that is not a widening, or a new {@code NOT NULL}, on a column that keeps
 * its name is refused unless {@link WriteOptions#inPlace()}: an expand needs the new shape
 * under a new name, which only the entity can give.</li>
 * <li>A new {@code NOT NULL} column without a default on an existing table is always refused:
 * the table's rows and the running release's inserts have no value for it.</li>
 * </ol>
 */
final class ChangePlan {

	private final List<ColumnChange> expands = new ArrayList<>();

	private final List<String> refusals = new ArrayList<>();

	private final CatalogDiff diff;

	private ChangePlan(CatalogDiff diff) {
		this.diff = diff;
	}

	/** The expands, the refusals and what is left for SQL. */
	static ChangePlan of(CatalogDiff diff, Catalog current, WriteOptions options) {
		Set<Difference> expanded = new HashSet<>();
		List<ColumnChange> expands = new ArrayList<>();
		List<String> refusals = new ArrayList<>();
		if (options.expand()) {
			ScriptDdl ddl = ScriptDdl.of(current.type());
			for (Difference difference : diff.differences()) {
				if (difference instanceof Renamed renamed) {
					Optional<Changed> changed = changeOf(diff, renamed.after());
					expanded.add(renamed);
					changed.ifPresent(expanded::add);
					expand(ddl, renamed, changed.map((change) -> (Column) change.after()).orElse(renamed.after()),
							expands, refusals);
				}
			}
		}
		for (Difference difference : diff.differences()) {
			if (expanded.contains(difference)) {
				continue;
			}
			if (difference instanceof Changed changed && changed.before() instanceof Column before
					&& changed.after() instanceof Column after && !options.inPlace()) {
				String reason = ColumnCompatibility.breaking(before, after);
				if (reason != null) {
					refusals.add(refusal(before, reason, options));
				}
			}
			if (difference instanceof Added added && added.object() instanceof Column column
					&& current.tables().containsKey(column.table()) && !column.nullable()
					&& column.defaultValue() == null && !column.identity()) {
				refusals.add("column " + column.key() + " is new and NOT NULL without a default: the table's rows and"
						+ " the running release's inserts have no value for it; give it a default in the entity"
						+ " (@ColumnDefault), or add it nullable now and make it NOT NULL in a later release");
			}
		}
		ChangePlan plan = new ChangePlan(diff.filter((difference) -> !expanded.contains(difference)));
		plan.expands.addAll(expands);
		plan.refusals.addAll(refusals);
		return plan;
	}

	private static Optional<Changed> changeOf(CatalogDiff diff, Column renamed) {
		return diff.differences()
			.stream()
			.filter(Changed.class::isInstance)
			.map(Changed.class::cast)
			.filter((changed) -> changed.before() instanceof Column column && column.table().equals(renamed.table())
					&& column.name().equals(renamed.name()))
			.findFirst();
	}

	private static void expand(ScriptDdl ddl, Renamed renamed, Column after, List<ColumnChange> expands, List<String> refusals) {
		Column before = renamed.before();
		String table = before.table();
		boolean typeChanges = !before.type().equalsIgnoreCase(after.type());
		boolean notNullAdded = before.nullable() && !after.nullable();
		if (typeChanges && notNullAdded) {
			refusals.add("column " + before.key() + " -> " + after.name() + " changes type and becomes NOT NULL: one"
					+ " expand does one of them; change the type in this release and add the NOT NULL in a later one");
		}
		else if (typeChanges) {
			expands.add(ColumnChange.changeColumnType(table, before.name(), after.name(), after.type(),
					ddl.cast(ddl.name(before.name()), after.type()), ddl.cast(ddl.name(after.name()), before.type())));
		}
		else if (notNullAdded) {
			if (after.defaultValue() == null) {
				refusals.add("column " + table + "." + after.name() + " becomes NOT NULL: the rows where "
						+ before.key() + " is null need a value; give " + after.name()
						+ " a default in the entity (@ColumnDefault), which the expand writes into them");
			}
			else {
				expands.add(ColumnChange.setNotNull(table, before.name(), after.name(), after.defaultValue()));
			}
		}
		else {
			expands.add(ColumnChange.renameColumn(table, before.name(), after.name()));
		}
	}

	private static String refusal(Column before, String reason, WriteOptions options) {
		String newName = before.name().toLowerCase(Locale.ROOT) + "_v2";
		String expand = "map the field to a new column (@Column(name = \"" + newName + "\")) and say --expand --rename "
				+ before.key() + "=" + newName;
		if (options.expand()) {
			return "column " + before.key() + " " + reason + ": an expand needs the new shape under a new column name: "
					+ expand;
		}
		return "column " + before.key() + " " + reason + ", which breaks the release running while it applies: to"
				+ " write it as an expand, " + expand + "; to alter it in place anyway (no running release uses the"
				+ " table), say --in-place";
	}

	List<ColumnChange> expands() {
		return this.expands;
	}

	List<String> refusals() {
		return this.refusals;
	}

	/** The differences left for SQL. */
	CatalogDiff diff() {
		return this.diff;
	}

}
