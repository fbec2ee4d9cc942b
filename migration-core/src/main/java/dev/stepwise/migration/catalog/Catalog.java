package dev.stepwise.migration.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.stepwise.migration.api.DatabaseType;

/**
 * The tables and sequences of one schema, as one database spells them. Two catalogues are
 * compared only when they come from the same kind of database, since each spells types and
 * defaults its own way.
 * @param type the database
 * @param tables the tables by name
 * @param sequences the sequences by name
 */
public record Catalog(DatabaseType type, Map<String, Table> tables, Map<String, Sequence> sequences) {

	public Catalog {
		tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
		sequences = java.util.Collections.unmodifiableMap(new TreeMap<>(sequences));
	}

	/** An empty catalogue. */
	public static Catalog empty(DatabaseType type) {
		return new Catalog(type, Map.of(), Map.of());
	}

	/** A catalogue of these tables and sequences. */
	public static Catalog of(DatabaseType type, Collection<Table> tables, Collection<Sequence> sequences) {
		Map<String, Table> byName = new TreeMap<>();
		tables.forEach((table) -> byName.put(table.name(), table));
		Map<String, Sequence> sequencesByName = new TreeMap<>();
		sequences.forEach((sequence) -> sequencesByName.put(sequence.name(), sequence));
		return new Catalog(type, byName, sequencesByName);
	}

	/**
	 * The table whose name equals this one ignoring case, since a user types
	 * {@code users} for H2's {@code USERS}.
	 */
	public Optional<Table> findTable(String name) {
		Table exact = this.tables.get(name);
		if (exact != null) {
			return Optional.of(exact);
		}
		return this.tables.values()
			.stream()
			.filter((table) -> table.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
			.findFirst();
	}

	/**
	 * This catalogue with a column renamed everywhere it appears: in its table, the table's
	 * keys and indexes, and the foreign keys that reference it.
	 * @param table the table
	 * @param from the column's name
	 * @param to its new name
	 * @return the renamed catalogue
	 */
	public Catalog withColumnRenamed(String table, String from, String to) {
		List<Table> renamed = new ArrayList<>();
		for (Table candidate : this.tables.values()) {
			boolean owner = candidate.name().equals(table);
			List<Column> columns = candidate.columns()
				.stream()
				.map((column) -> (owner && column.name().equals(from)) ? column.renamed(table, to) : column)
				.toList();
			PrimaryKey primaryKey = candidate.primaryKey();
			if (owner && primaryKey != null) {
				primaryKey = new PrimaryKey(table, primaryKey.name(), rename(primaryKey.columns(), owner, from, to));
			}
			List<UniqueConstraint> uniques = candidate.uniqueConstraints()
				.stream()
				.map((unique) -> new UniqueConstraint(unique.table(), unique.name(),
						rename(unique.columns(), owner, from, to)))
				.toList();
			List<Index> indexes = candidate.indexes()
				.stream()
				.map((index) -> new Index(index.table(), index.name(), rename(index.columns(), owner, from, to),
						index.unique()))
				.toList();
			List<ForeignKey> foreignKeys = candidate.foreignKeys()
				.stream()
				.map((key) -> new ForeignKey(key.table(), key.name(), rename(key.columns(), owner, from, to),
						key.referencedTable(),
						rename(key.referencedColumns(), key.referencedTable().equals(table), from, to), key.onUpdate(),
						key.onDelete()))
				.toList();
			renamed.add(new Table(candidate.name(), columns, primaryKey, uniques, indexes, foreignKeys,
					candidate.checks()));
		}
		return of(this.type, renamed, this.sequences.values());
	}

	private static List<String> rename(List<String> columns, boolean applies, String from, String to) {
		if (!applies) {
			return columns;
		}
		return columns.stream().map((column) -> column.equals(from) ? to : column).toList();
	}

	/** Every fact of the catalogue, one line each, sorted: for a test or a report. */
	public List<String> facts() {
		List<String> facts = new ArrayList<>();
		for (Table table : this.tables.values()) {
			facts.add(table.describe());
			table.columns().forEach((column) -> facts.add(column.describe()));
			if (table.primaryKey() != null) {
				facts.add(table.primaryKey().describe());
			}
			table.uniqueConstraints().forEach((unique) -> facts.add(unique.describe()));
			table.indexes().forEach((index) -> facts.add(index.describe()));
			table.foreignKeys().forEach((key) -> facts.add(key.describe()));
			table.checks().forEach((check) -> facts.add(check.describe()));
		}
		this.sequences.values().forEach((sequence) -> facts.add(sequence.describe()));
		return facts.stream().sorted().toList();
	}

}
