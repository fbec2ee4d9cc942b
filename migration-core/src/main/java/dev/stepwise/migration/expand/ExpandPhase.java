package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.internal.jdbc.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The expand (pgroll's start): adds the new column (nullable), installs the sync triggers,
 * then fills the new column by a resumable batched backfill that bypasses the triggers,
 * and after it builds the copies of the old column's indexes. Run again, it finishes an
 * interrupted expand.
 */
final class ExpandPhase {

	private static final Logger logger = LoggerFactory.getLogger(ExpandPhase.class);

	private final ExpansionContext context;

	ExpandPhase(ExpansionContext context) {
		this.context = context;
	}

	Expansion run(ColumnChange change, MigrationVersion version) throws SQLException {
		ExpansionContext context = this.context;
		context.connections.require(1, "expand " + change.id() + " (version " + version + ")");
		ExpansionRecord expansion;
		boolean backfillPhase;
		try (Connection connection = context.dataSource.getConnection()) {
			context.store.createIfMissing(connection);
			ExpansionRecord existing = context.store.find(connection, change.id());
			if (existing != null && existing.state() == ExpansionState.CONTRACTED) {
				return context.describe(existing);
			}
			if (existing != null && (existing.operation() != change.operation()
					|| !existing.oldColumn().equalsIgnoreCase(change.column()))) {
				throw new IllegalStateException("Cannot expand " + change + ": " + existing.id() + " is already expanded as "
						+ existing.operation() + " of " + existing.table() + "." + existing.oldColumn()
						+ "; undo that expand first, or choose another new column name");
			}
			expansion = (existing != null) ? existing
					: ExpansionResolver.resolve(connection, context.type, change, version);
			List<String> statements = new ArrayList<>();
			statements.addAll(
					context.ddl.addColumn(connection, expansion.table(), expansion.newColumn(), expansion.newType()));
			// A first expand backfills before new code can run: nothing else writes the new column meanwhile.
			backfillPhase = existing == null && !change.isBackfilledInBackground();
			statements.addAll(backfillPhase
					? context.triggers.installForBackfill(connection, expansion, expansion.newColumn())
					: context.triggers.install(expansion));
			if (context.oldNotNullBlocksNewWriters(expansion)) {
				statements.add(context.ddl.dropNotNull(expansion.table(), expansion.oldColumn(), expansion.oldType()));
			}
			ExpansionRecord toInsert = (existing == null) ? expansion : null;
			// One transaction: on PostgreSQL the row, the column and the triggers appear together.
			Transactions.run(connection, () -> {
				if (toInsert != null) {
					context.store.insert(connection, toInsert);
				}
				context.executeEach(connection, statements);
			});
		}
		if (change.isBackfilledInBackground()) {
			logger.info("Expanded {}: {}.{} synced with {}; the backfill runs in the background", expansion.id(),
					expansion.table(), expansion.oldColumn(), expansion.newColumn());
			return context.describe(expansion);
		}
		logger.info("Expanded {}: {}.{} synced with {}; backfilling", expansion.id(), expansion.table(),
				expansion.oldColumn(), expansion.newColumn());
		try {
			context.backfillNew(expansion);
			if (backfillPhase) {
				context.installAfterBackfill(expansion);
			}
			context.indexes.copyToNew(expansion);
		}
		catch (SQLException ex) {
			BackfillProgress progress = null;
			try {
				progress = context.backfillProgress(expansion);
			}
			catch (SQLException unreadable) {
				ex.addSuppressed(unreadable);
			}
			throw ExpandInterruptedException.of(expansion, progress, ex);
		}
		return context.describe(expansion);
	}

}
