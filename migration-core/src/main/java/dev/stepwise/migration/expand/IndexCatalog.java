package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * Reads from the catalogue the indexes and unique constraints that involve a column, and
 * tells which of them a plain column list recreates faithfully: one subclass per database
 * ({@link PostgresIndexCatalog}, {@link MySqlIndexCatalog}, {@link H2IndexCatalog}), which
 * {@link IndexDdl#catalog(Connection)} chooses.
 */
abstract class IndexCatalog {

	static final String PRIMARY_KEY = "it is the primary key";

	final Connection connection;

	final Dialect dialect;

	IndexCatalog(Connection connection, Dialect dialect) {
		this.connection = connection;
		this.dialect = dialect;
	}

	/** Every index and unique constraint that involves the column, primary keys included. */
	abstract List<FoundIndex> involving(String table, String column) throws SQLException;

	/**
	 * The names a new index must not take, each as {@link Dialect#indexNameKey(String)}
	 * gives it; see {@link #takenNamesSql()}.
	 */
	Set<String> takenNames(String table) throws SQLException {
		Set<String> names = new HashSet<>();
		try (PreparedStatement statement = this.connection.prepareStatement(takenNamesSql())) {
			bindTakenNames(statement, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(this.dialect.indexNameKey(rows.getString(1)));
				}
			}
		}
		return names;
	}

	/** A query of the names a new index of the table must not take. */
	abstract String takenNamesSql();

	/** Binds the table to {@link #takenNamesSql()}, where it has a parameter. */
	void bindTakenNames(PreparedStatement statement, String table) throws SQLException {
	}

	final ResultSet query(String sql, String table, String column) throws SQLException {
		PreparedStatement statement = this.connection.prepareStatement(sql);
		statement.setString(1, table);
		statement.setString(2, table);
		statement.setString(3, column);
		statement.closeOnCompletion();
		return statement.executeQuery();
	}

	/**
	 * An index or unique constraint that involves a column.
	 * @param name its name (the constraint's, for a constraint)
	 * @param kind what it is
	 * @param columns its key columns, {@code null} for an expression
	 * @param problem why a column list cannot recreate it, or {@code null} if it can
	 */
	record FoundIndex(String name, CarriedIndex.Kind kind, List<@Nullable String> columns, @Nullable String problem) {

		boolean primaryKey() {
			return PRIMARY_KEY.equals(this.problem);
		}

	}

	/** An index read from the catalogue one key column per row. */
	static final class Builder {

		final String name;

		final List<@Nullable String> columns = new ArrayList<>();

		CarriedIndex.Kind kind = CarriedIndex.Kind.INDEX;

		@Nullable String problem;

		Builder(String name) {
			this.name = name;
		}

		FoundIndex build() {
			return new FoundIndex(this.name, this.kind, this.columns, this.problem);
		}

	}

}
