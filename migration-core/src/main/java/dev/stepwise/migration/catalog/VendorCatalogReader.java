package dev.stepwise.migration.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * The shared half of a vendor's reader: it collects rows into tables; each vendor supplies
 * the queries.
 */
abstract class VendorCatalogReader {

	private final Connection connection;

	private final DatabaseType type;

	private final Set<String> ignored;

	final Map<String, TableParts> tables = new TreeMap<>();

	final List<Sequence> sequences = new ArrayList<>();

	VendorCatalogReader(Connection connection, DatabaseType type, Set<String> ignored) {
		this.connection = connection;
		this.type = type;
		this.ignored = ignored;
	}

	final Catalog read() throws SQLException {
		readTables();
		readColumns();
		readConstraints();
		readIndexes();
		readSequences();
		List<Table> result = this.tables.values().stream().map(TableParts::table).toList();
		return Catalog.of(this.type, result, this.sequences);
	}

	abstract void readTables() throws SQLException;

	abstract void readColumns() throws SQLException;

	abstract void readConstraints() throws SQLException;

	abstract void readIndexes() throws SQLException;

	abstract void readSequences() throws SQLException;

	final void addTable(String name) {
		if (!this.ignored.contains(name.toLowerCase(Locale.ROOT))) {
			this.tables.put(name, new TableParts(name));
		}
	}

	/** The table's parts, or {@code null} for an ignored (or unknown) table. */
	final @Nullable TableParts table(String name) {
		return this.tables.get(name);
	}

	final void query(String sql, RowHandler handler) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				handler.handle(result);
			}
		}
	}

	final Connection connection() {
		return this.connection;
	}

	@FunctionalInterface
	interface RowHandler {

		void handle(ResultSet result) throws SQLException;

	}

	/** A table under construction. */
	static final class TableParts {

		final String name;

		final List<Column> columns = new ArrayList<>();

		@Nullable PrimaryKey primaryKey;

		final List<UniqueConstraint> uniques = new ArrayList<>();

		final List<Index> indexes = new ArrayList<>();

		final List<ForeignKey> foreignKeys = new ArrayList<>();

		final List<Check> checks = new ArrayList<>();

		TableParts(String name) {
			this.name = name;
		}

		Table table() {
			return new Table(this.name, this.columns, this.primaryKey, sorted(this.uniques, UniqueConstraint::name),
					sorted(this.indexes, Index::name), sorted(this.foreignKeys, ForeignKey::name),
					sorted(this.checks, Check::name));
		}

		private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name) {
			return items.stream().sorted(java.util.Comparator.comparing(name)).toList();
		}

	}

	/** Columns of a multi-row key, collected in their position order. */
	static final class KeyColumns {

		final Map<String, Map<Integer, String>> byName = new LinkedHashMap<>();

		void add(String name, int position, String column) {
			this.byName.computeIfAbsent(name, (key) -> new TreeMap<>()).put(position, column);
		}

		List<String> columns(String name) {
			return List.copyOf(this.byName.getOrDefault(name, Map.of()).values());
		}

	}

}
