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
 * Undoing an expand (pgroll's rollback): drops the triggers and the new column with its
 * indexes, and forgets the change; the old column is as the old code left it.
 */
final class UndoExpandPhase {

	private static final Logger logger = LoggerFactory.getLogger(UndoExpandPhase.class);

	private final ExpansionContext context;

	UndoExpandPhase(ExpansionContext context) {
		this.context = context;
	}

	void run(String id) throws SQLException {
		ExpansionContext context = this.context;
		ExpansionRecord expansion = context.require(id);
		if (expansion.state() == ExpansionState.CONTRACTED) {
			throw new IllegalStateException("Cannot undo the expand of " + id + ": it is contracted, so its old column"
					+ " is gone; call undoContract(\"" + id + "\") first");
		}
		try (Connection connection = context.dataSource.getConnection()) {
			List<String> statements = new ArrayList<>(context.triggers.drop(expansion));
			statements.addAll(context.indexes.dropInvolving(connection, expansion.table(), expansion.newColumn()));
			statements.addAll(context.ddl.dropColumn(connection, expansion.table(), expansion.newColumn()));
			Transactions.run(connection, () -> {
				context.executeEach(connection, statements);
				context.store.delete(connection, id);
			});
			if (context.oldNotNullBlocksNewWriters(expansion)) {
				context.setNotNull(connection, expansion, expansion.oldColumn(), expansion.oldType());
			}
		}
		context.forgetBackfill(expansion.expandBackfillName());
		context.forgetBackfill(expansion.undoContractBackfillName());
		logger.info("Undid the expand of {}: dropped {}.{}", id, expansion.table(), expansion.newColumn());
	}

}
