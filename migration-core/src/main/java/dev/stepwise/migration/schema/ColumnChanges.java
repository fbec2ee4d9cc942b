package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.expand.ColumnChange;

/**
 * Runs the two phases of a column change for a {@link Schema}. The engine provides it,
 * bound to its DataSource, its lock timeout and the version of the running migration;
 * each method first commits what the migration did so far on {@code connection}, since an
 * expand works on connections of its own.
 */
public interface ColumnChanges {

	void expand(Connection connection, ColumnChange change) throws SQLException;

	void contract(Connection connection, String changeId) throws SQLException;

	void undoExpand(Connection connection, String changeId) throws SQLException;

	/** Undoes a contract, or withdraws it while it is still deferred. */
	void undoContract(Connection connection, String changeId) throws SQLException;

}
