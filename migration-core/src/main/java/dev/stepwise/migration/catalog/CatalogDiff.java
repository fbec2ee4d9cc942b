package dev.stepwise.migration.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.stepwise.migration.catalog.Difference.Added;
import dev.stepwise.migration.catalog.Difference.Changed;
import dev.stepwise.migration.catalog.Difference.Dropped;
import dev.stepwise.migration.catalog.Difference.Renamed;

/**
 * The differences that turn a current catalogue into a target one, in the order applying
 * them needs:
 * <ol>
 * <li>columns the user named as renamed;</li>
 * <li>foreign keys that go, before anything they hang on;</li>
 * <li>indexes, unique and check constraints and primary keys that go or change;</li>
 * <li>new and changed sequences, then new tables (with their indexes), new columns, changed
 * columns;</li>
 * <li>new primary keys, unique and check constraints and indexes on existing tables;</li>
 * <li>new foreign keys, once every table and column they join exists;</li>
 * <li>dropped columns, tables and sequences, last.</li>
 * </ol>
 * Keys, indexes and constraints are matched by what they are, not by their names. A column
 * that disappears while one of the same type appears in the same table is not guessed to be
 * a rename: it is offered in {@link #renameSuggestions()}.
 */
public final class CatalogDiff {

	private final List<Difference> differences;

	private final List<String> renameSuggestions;

	private CatalogDiff(List<Difference> differences, List<String> renameSuggestions) {
		this.differences = List.copyOf(differences);
		this.renameSuggestions = List.copyOf(renameSuggestions);
	}

	/**
	 * Compares two catalogues of the same database.
	 * @param current what the database has
	 * @param target what it should have
	 * @param renames columns renamed between the two
	 * @return the differences
	 * @throws IllegalArgumentException when the catalogues come from different databases, or
	 * a rename names a column that is not where it says
	 */
	public static CatalogDiff compare(Catalog current, Catalog target, List<ColumnRename> renames) {
		if (current.type() != target.type()) {
			throw new IllegalArgumentException("Cannot compare a " + current.type() + " catalogue with a "
					+ target.type() + " one: each database spells types its own way");
		}
		List<Difference> renamed = new ArrayList<>();
		Catalog from = current;
		for (ColumnRename rename : renames) {
			Table table = from.findTable(rename.table())
				.orElseThrow(() -> new IllegalArgumentException("Rename " + rename + ": no table " + rename.table()));
			Column before = find(table.columns(), Column::name, rename.from())
				.orElseThrow(() -> new IllegalArgumentException(
						"Rename " + rename + ": table " + table.name() + " has no column " + rename.from()));
			Table targetTable = target.findTable(table.name())
				.orElseThrow(() -> new IllegalArgumentException(
						"Rename " + rename + ": the target has no table " + table.name()));
			Column after = find(targetTable.columns(), Column::name, rename.to())
				.orElseThrow(() -> new IllegalArgumentException(
						"Rename " + rename + ": the target table " + targetTable.name() + " has no column " + rename.to()));
			if (find(table.columns(), Column::name, after.name()).isPresent()) {
				throw new IllegalArgumentException(
						"Rename " + rename + ": table " + table.name() + " already has a column " + after.name());
			}
			renamed.add(new Renamed(before, before.renamed(table.name(), after.name())));
			from = from.withColumnRenamed(table.name(), before.name(), after.name());
		}
		return new Comparison(from, target, renamed).run();
	}

	private static <T> Optional<T> find(List<T> items, Function<T, String> name, String wanted) {
		Optional<T> exact = items.stream().filter((item) -> name.apply(item).equals(wanted)).findFirst();
		return exact.isPresent() ? exact
				: items.stream()
					.filter((item) -> name.apply(item).toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
					.findFirst();
	}

	/** The differences, in the order to apply them. */
	public List<Difference> differences() {
		return this.differences;
	}

	/** Columns that look renamed, each with the option that says so. */
	public List<String> renameSuggestions() {
		return this.renameSuggestions;
	}

	/**
	 * These differences without some of them (with the same suggestions).
	 * @param keep which to keep
	 * @return the differences kept
	 */
	public CatalogDiff filter(java.util.function.Predicate<Difference> keep) {
		return new CatalogDiff(this.differences.stream().filter(keep).toList(), this.renameSuggestions);
	}

	/** Whether the catalogues are the same. */
	public boolean isEmpty() {
		return this.differences.isEmpty();
	}

	@Override
	public String toString() {
		return String.join("\n", this.differences.stream().map(Difference::describe).toList());
	}

	/** One comparison: each step's differences in their bucket, then the buckets in order. */
	private static final class Comparison {

		private final Catalog current;

		private final Catalog target;

		private final List<Difference> renamed;

		private final List<Difference> droppedForeignKeys = new ArrayList<>();

		private final List<Difference> droppedConstraints = new ArrayList<>();

		private final List<Difference> sequences = new ArrayList<>();

		private final List<Difference> addedTables = new ArrayList<>();

		private final List<Difference> addedColumns = new ArrayList<>();

		private final List<Difference> changedColumns = new ArrayList<>();

		private final List<Difference> addedConstraints = new ArrayList<>();

		private final List<Difference> addedForeignKeys = new ArrayList<>();

		private final List<Difference> droppedColumns = new ArrayList<>();

		private final List<Difference> droppedTables = new ArrayList<>();

		private final List<Difference> droppedSequences = new ArrayList<>();

		private final List<String> suggestions = new ArrayList<>();

		Comparison(Catalog current, Catalog target, List<Difference> renamed) {
			this.current = current;
			this.target = target;
			this.renamed = renamed;
		}

		CatalogDiff run() {
			for (Table table : this.current.tables().values()) {
				Table wanted = this.target.tables().get(table.name());
				if (wanted == null) {
					table.foreignKeys().forEach((key) -> this.droppedForeignKeys.add(new Dropped(key)));
					this.droppedTables.add(new Dropped(table));
				}
				else {
					compareTables(table, wanted);
				}
			}
			for (Table table : this.target.tables().values()) {
				if (!this.current.tables().containsKey(table.name())) {
					this.addedTables.add(new Added(table));
					table.foreignKeys().forEach((key) -> this.addedForeignKeys.add(new Added(key)));
				}
			}
			compareSequences();
			List<Difference> all = new ArrayList<>(this.renamed);
			for (List<Difference> bucket : List.of(this.droppedForeignKeys, this.droppedConstraints, this.sequences,
					this.addedTables, this.addedColumns, this.changedColumns, this.addedConstraints,
					this.addedForeignKeys, this.droppedColumns, this.droppedTables, this.droppedSequences)) {
				all.addAll(bucket);
			}
			return new CatalogDiff(all, this.suggestions);
		}

		private void compareTables(Table current, Table wanted) {
			List<Column> dropped = new ArrayList<>();
			List<Column> added = new ArrayList<>();
			for (Column column : current.columns()) {
				Optional<Column> other = wanted.column(column.name());
				if (other.isEmpty()) {
					dropped.add(column);
					this.droppedColumns.add(new Dropped(column));
				}
				else if (!column.sameDefinition(other.get())) {
					this.changedColumns.add(new Changed(column, other.get()));
				}
			}
			for (Column column : wanted.columns()) {
				if (current.column(column.name()).isEmpty()) {
					added.add(column);
					this.addedColumns.add(new Added(column));
				}
			}
			for (Column gone : dropped) {
				for (Column appeared : added) {
					if (gone.type().equals(appeared.type())) {
						this.suggestions.add(current.name() + "." + gone.name() + " disappears while "
								+ current.name() + "." + appeared.name() + " of the same type appears: if it is a rename,"
								+ " say --rename " + current.name() + "." + gone.name() + "=" + appeared.name());
					}

				}
			}
			// The one column that goes and the one that comes without a partner of their type: most
			// likely the same data in a new type, which only an expand keeps.
			List<Column> goneAlone = dropped.stream()
				.filter((gone) -> added.stream().noneMatch((appeared) -> appeared.type().equals(gone.type())))
				.toList();
			List<Column> cameAlone = added.stream()
				.filter((appeared) -> dropped.stream().noneMatch((gone) -> gone.type().equals(appeared.type())))
				.toList();
			if (goneAlone.size() == 1 && cameAlone.size() == 1) {
				this.suggestions.add(current.name() + "." + goneAlone.get(0).name() + " disappears while " + current.name()
						+ "." + cameAlone.get(0).name() + " of another type appears: if it holds the same data in a new"
						+ " type, say --expand --rename " + current.name() + "." + goneAlone.get(0).name() + "="
						+ cameAlone.get(0).name());
			}
			List<CatalogObject> before = new ArrayList<>();
			List<CatalogObject> after = new ArrayList<>();
			if (current.primaryKey() != null) {
				before.add(current.primaryKey());
			}
			if (wanted.primaryKey() != null) {
				after.add(wanted.primaryKey());
			}
			before.addAll(current.uniqueConstraints());
			before.addAll(current.checks());
			before.addAll(current.indexes());
			after.addAll(wanted.uniqueConstraints());
			after.addAll(wanted.checks());
			after.addAll(wanted.indexes());
			Map<String, CatalogObject> beforeByKey = byKey(before);
			Map<String, CatalogObject> afterByKey = byKey(after);
			beforeByKey.forEach((key, object) -> {
				if (!afterByKey.containsKey(key)) {
					this.droppedConstraints.add(new Dropped(object));
				}
			});
			afterByKey.forEach((key, object) -> {
				if (!beforeByKey.containsKey(key)) {
					this.addedConstraints.add(new Added(object));
				}
			});
			Map<String, CatalogObject> keysBefore = byKey(new ArrayList<>(current.foreignKeys()));
			Map<String, CatalogObject> keysAfter = byKey(new ArrayList<>(wanted.foreignKeys()));
			keysBefore.forEach((key, object) -> {
				if (!keysAfter.containsKey(key)) {
					this.droppedForeignKeys.add(new Dropped(object));
				}
			});
			keysAfter.forEach((key, object) -> {
				if (!keysBefore.containsKey(key)) {
					this.addedForeignKeys.add(new Added(object));
				}
			});
		}

		private void compareSequences() {
			this.current.sequences().forEach((name, sequence) -> {
				Sequence wanted = this.target.sequences().get(name);
				if (wanted == null) {
					this.droppedSequences.add(new Dropped(sequence));
				}
				else if (!wanted.equals(sequence)) {
					this.sequences.add(new Changed(sequence, wanted));
				}
			});
			this.target.sequences().forEach((name, sequence) -> {
				if (!this.current.sequences().containsKey(name)) {
					this.sequences.add(new Added(sequence));
				}
			});
		}

		private static Map<String, CatalogObject> byKey(List<CatalogObject> objects) {
			Map<String, CatalogObject> byKey = new LinkedHashMap<>();
			objects.forEach((object) -> byKey.putIfAbsent(object.key(), object));
			return byKey;
		}

	}

}
