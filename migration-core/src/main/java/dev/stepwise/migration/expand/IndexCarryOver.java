package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.CredentialMask;

/**
 * Carries the old column's indexes and unique constraints over to the new one, and back:
 * <ol>
 * <li>after the expand's backfill, a copy of each is built on the new column under a
 * name of its own (so that the build does not slow the backfill);</li>
 * <li>at the contract, the old ones are dropped and the copies take their names, as a
 * {@code RENAME COLUMN} would have kept them;</li>
 * <li>undoing the contract gives the copies their own names back and rebuilds the old
 * column's under the old names.</li>
 * </ol>
 * Each build runs on a connection of its own in auto-commit mode: PostgreSQL builds
 * concurrently, which a transaction refuses.
 */
final class IndexCarryOver {

	private final ExpansionContext context;

	private final IndexDdl ddl;

	IndexCarryOver(ExpansionContext context) {
		this.context = context;
		this.ddl = IndexDdl.of(context.type);
	}

	/** Builds on the new column the copies of the old column's indexes that it lacks. */
	void copyToNew(ExpansionRecord expansion) throws SQLException {
		for (CarriedIndex index : expansion.indexes()) {
			build(expansion, index.newName(), index.kind(),
					index.columnsWith(expansion.oldColumn(), expansion.newColumn()));
		}
	}

	/** Rebuilds the old column's indexes under their own names, once the old column is back. */
	void rebuildOnOld(ExpansionRecord expansion) throws SQLException {
		for (CarriedIndex index : expansion.indexes()) {
			build(expansion, index.name(), index.kind(), index.columns());
		}
	}

	/** Statements that give the copies the names of the old column's indexes (dropped first). */
	List<String> takeOldNames(Connection connection, ExpansionRecord expansion) throws SQLException {
		List<String> statements = new ArrayList<>();
		for (CarriedIndex index : expansion.indexes()) {
			statements.addAll(this.ddl.rename(connection, expansion.table(), index.newName(), index.name(), true,
					index.kind()));
		}
		return statements;
	}

	/** Statements that give the copies their own names back, freeing the old ones. */
	List<String> giveOldNamesBack(Connection connection, ExpansionRecord expansion) throws SQLException {
		List<String> statements = new ArrayList<>();
		for (CarriedIndex index : expansion.indexes()) {
			statements.addAll(this.ddl.rename(connection, expansion.table(), index.name(), index.newName(), false,
					index.kind()));
		}
		return statements;
	}

	/**
	 * Statements that drop the indexes and unique constraints involving a column, but not a
	 * primary key, to run before the column is dropped. Dropping the column is not enough:
	 * H2 refuses it while an index of several columns holds it, MariaDB refuses it for a
	 * unique one and narrows any other to the remaining columns. PostgreSQL would drop them;
	 * dropping them first frees their names for the copies on every database.
	 */
	List<String> dropInvolving(Connection connection, String table, String column) throws SQLException {
		if (this.context.ddl.catalog(connection).findColumn(table, column) == null) {
			return List.of();
		}
		return this.ddl.catalog(connection).involving(table, column)
			.stream()
			.filter((index) -> !index.primaryKey())
			.map((index) -> this.ddl.drop(table, index.name(), index.kind()))
			.toList();
	}

	private void build(ExpansionRecord expansion, String name, CarriedIndex.Kind kind, List<String> columns)
			throws SQLException {
		try (Connection connection = this.context.dataSource.getConnection()) {
			// PostgreSQL builds concurrently, which a transaction refuses.
			connection.setAutoCommit(true);
			this.ddl.create(connection, this.context.executor, expansion.table(), name, kind, columns);
		}
		catch (SQLException ex) {
			throw new SQLException("Could not build index " + name + " on " + expansion.table() + " " + columns + " for "
					+ expansion.id() + ": " + CredentialMask.mask(ex.getMessage()) + ((kind == CarriedIndex.Kind.INDEX) ? ""
							: ". If its values are not unique, make them so and run this step again"),
					ex.getSQLState(), ex.getErrorCode(), CredentialMask.masked(ex));
		}
	}

}
