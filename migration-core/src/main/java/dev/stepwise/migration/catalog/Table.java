package dev.stepwise.migration.catalog;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A table with everything that belongs to it.
 * @param name its name
 * @param columns its columns, in their order
 * @param primaryKey its primary key, or {@code null}
 * @param uniqueConstraints its unique constraints
 * @param indexes its indexes that no constraint owns
 * @param foreignKeys its foreign keys
 * @param checks its check constraints
 */
public record Table(String name, List<Column> columns, @Nullable PrimaryKey primaryKey,
		List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<ForeignKey> foreignKeys,
		List<Check> checks) implements CatalogObject {

	public Table {
		columns = List.copyOf(columns);
		uniqueConstraints = List.copyOf(uniqueConstraints);
		indexes = List.copyOf(indexes);
		foreignKeys = List.copyOf(foreignKeys);
		checks = List.copyOf(checks);
	}

	/** The column of that name. */
	public Optional<Column> column(String column) {
		return this.columns.stream().filter((candidate) -> candidate.name().equals(column)).findFirst();
	}

	@Override
	public String key() {
		return "table " + this.name;
	}

	@Override
	public String describe() {
		return "table " + this.name;
	}

}
