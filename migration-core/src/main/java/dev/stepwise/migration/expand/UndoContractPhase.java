package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.internal.jdbc.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoing a contract: gives the copies of the indexes their own names back, adds the old
 * column back with its default, installs the triggers, fills it from the new column by the
 * reverse conversion, rebuilds its indexes under their names, and restores its NOT NULL.
 * A contract still deferred is only withdrawn, so that no background retry runs it.
 */
final class UndoContractPhase {

	private static final Logger logger = LoggerFactory.getLogger(UndoContractPhase.class);

	private final ExpansionContext context;

	UndoContractPhase(ExpansionContext context) {
		this.context = context;
	}

	/** Withdraws a contract that is still deferred; a change already contracted is undone instead. */
	void withdraw(String id) throws SQLException {
		ExpansionContext context = this.context;
		ExpansionRecord expansion = context.require(id);
		if (expansion.state() == ExpansionState.CONTRACTED) {
			run(id);
			return;
		}
		try (Connection connection = context.dataSource.getConnection()) {
			Transactions.run(connection,
					() -> context.store.updateState(connection, id, ExpansionState.EXPANDED, false));
		}
		logger.info("Withdrew the deferred contract of {}", id);
	}

	void run(String id) throws SQLException {
		ExpansionContext context = this.context;
		ExpansionRecord expansion = context.require(id);
		if (expansion.state() != ExpansionState.CONTRACTED) {
			throw new IllegalStateException("Cannot undo the contract of " + id + ": it is " + expansion.state()
					+ ", not contracted");
		}
		try (Connection connection = context.dataSource.getConnection()) {
			// The copies give the old names back to the indexes rebuilt after the backfill.
			List<String> statements = new ArrayList<>(context.indexes.giveOldNamesBack(connection, expansion));
			if (expansion.newNotNullAtContract()) {
				statements.add(context.ddl.dropNotNull(expansion.table(), expansion.newColumn(), expansion.newType()));
			}
			if (expansion.newDefault() != null) {
				statements.add(context.ddl.dropDefault(expansion.table(), expansion.newColumn()));
			}
			statements
				.addAll(context.ddl.addColumn(connection, expansion.table(), expansion.oldColumn(), expansion.oldType()));
			if (expansion.oldDefault() != null) {
				// Only rows inserted from now on take it; the backfill fills the others.
				statements.add(context.ddl.setDefault(expansion.table(), expansion.oldColumn(), expansion.oldDefault()));
			}
			// Old code runs again only once this returns: nothing else writes the old column meanwhile.
			statements.addAll(context.triggers.installForBackfill(connection, expansion, expansion.oldColumn()));
			context.execute(connection, statements);
		}
		context.backfill(expansion.undoContractBackfillName(), expansion.table(), expansion.oldColumn(),
				expansion.toOld(), expansion.oldOutOfSync(context.type));
		context.installAfterBackfill(expansion);
		context.indexes.rebuildOnOld(expansion);
		try (Connection connection = context.dataSource.getConnection()) {
			if (expansion.oldNotNull() && !context.oldNotNullBlocksNewWriters(expansion)) {
				context.setNotNull(connection, expansion, expansion.oldColumn(), expansion.oldType());
			}
			// Not requested: a background retry must not contract again what was just undone.
			Transactions.run(connection,
					() -> context.store.updateState(connection, id, ExpansionState.EXPANDED, false));
		}
		logger.info("Undid the contract of {}: {}.{} is back and synced", id, expansion.table(), expansion.oldColumn());
	}

}
