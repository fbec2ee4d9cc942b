package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.internal.jdbc.Transactions;
import dev.stepwise.migration.internal.lock.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract (pgroll's complete):
 * <ol>
 * <li>deferred while a live instance's code predates the expand, or while another thread
 * or instance runs its backfill (and then remembered, for a retry);</li>
 * <li>otherwise finishes the backfill and the index copies, checks that no row differs, and
 * gives the new column the NOT NULL it needs;</li>
 * <li>decides again under the registry's lock (an old instance may have registered
 * meanwhile), and under that lock drops the triggers, the old column and its indexes, and
 * gives the new column the old one's default and its indexes their names.</li>
 * </ol>
 */
final class ContractPhase {

	private static final Logger logger = LoggerFactory.getLogger(ContractPhase.class);

	private final ExpansionContext context;

	ContractPhase(ExpansionContext context) {
		this.context = context;
	}

	ContractResult run(String id) throws SQLException {
		ExpansionContext context = this.context;
		// Its last step holds the registry's lock and a work connection at once.
		context.connections.require(2, "contract " + id);
		ExpansionRecord expansion = context.require(id);
		if (expansion.state() == ExpansionState.CONTRACTED) {
			return new ContractResult(id, true, List.of());
		}
		MigrationVersion expandVersion = MigrationVersion.parse(expansion.expandVersion());
		ContractDecision decision = context.instances.decideContract(expandVersion,
				context.settings.instanceStaleness());
		if (!decision.ready()) {
			context.markExpanded(id, true);
			logger.info("Contract of {} deferred: instances {} run code older than version {}", id,
					decision.waitingFor().stream().map(RegisteredInstance::instanceId).toList(), expansion.expandVersion());
			return new ContractResult(id, false, decision.waitingFor());
		}
		BackfillProgress backfill = context.backfillProgress(expansion);
		if (backfill != null && !backfill.done()
				&& backfill.updatedAt().isAfter(Instant.now().minus(context.settings.instanceStaleness()))) {
			// Another thread or instance is running it: wait, as for an instance, rather than walk the same rows.
			context.markExpanded(id, true);
			logger.info("Contract of {} deferred: its backfill is running ({} of about {} rows)", id, backfill.rowsDone(),
					backfill.estimatedTotal());
			return new ContractResult(id, false, List.of());
		}
		context.backfillNew(expansion);
		context.indexes.copyToNew(expansion);
		long differing = context.count(expansion.newOutOfSync(context.type), expansion.table());
		if (differing > 0) {
			throw new IllegalStateException("Cannot contract " + id + ": " + differing + " rows of " + expansion.table()
					+ " have " + expansion.newColumn() + " different from " + expansion.toNew() + " although the backfill"
					+ " finished; something wrote the table with the sync triggers off. Run Backfill.forget(..., \""
					+ expansion.expandBackfillName() + "\") and expand again to refill it");
		}
		context.forgetBackfill(expansion.undoContractBackfillName());
		if (expansion.newNotNullAtContract()) {
			try (Connection connection = context.dataSource.getConnection()) {
				context.setNotNull(connection, expansion, expansion.newColumn(), expansion.newType());
			}
		}
		return dropOldShape(expansion, expandVersion);
	}

	/**
	 * The backfill, the index copies and the count took a while, and an old instance may
	 * have registered meanwhile (a switch back, a restarted pod): decide again, under the
	 * lock that registration takes, so that it is either counted now or refused later.
	 */
	private ContractResult dropOldShape(ExpansionRecord expansion, MigrationVersion expandVersion) throws SQLException {
		ExpansionContext context = this.context;
		String id = expansion.id();
		try (RunLock registry = context.instances.lock(); Connection connection = context.dataSource.getConnection()) {
			ContractDecision last = context.instances.decideContract(connection, expandVersion,
					context.settings.instanceStaleness());
			if (!last.ready()) {
				Transactions.run(connection,
						() -> context.store.updateState(connection, id, ExpansionState.EXPANDED, true));
				logger.info("Contract of {} deferred at its last check before the drop: instances {} registered meanwhile"
						+ " with code older than version {}", id,
						last.waitingFor().stream().map(RegisteredInstance::instanceId).toList(), expansion.expandVersion());
				return new ContractResult(id, false, last.waitingFor());
			}
			List<String> statements = new ArrayList<>(context.triggers.drop(expansion));
			statements.addAll(context.indexes.dropInvolving(connection, expansion.table(), expansion.oldColumn()));
			// The copies take the names of the indexes just dropped, as a RENAME COLUMN would have kept them;
			// before the column goes, because H2 renames the indexes it generated for constraints as it drops one.
			statements.addAll(context.indexes.takeOldNames(connection, expansion));
			statements.addAll(context.ddl.dropColumn(connection, expansion.table(), expansion.oldColumn()));
			if (expansion.newDefault() != null) {
				statements.add(context.ddl.setDefault(expansion.table(), expansion.newColumn(), expansion.newDefault()));
			}
			Transactions.run(connection, () -> {
				context.executeEach(connection, statements);
				context.store.updateState(connection, id, ExpansionState.CONTRACTED, false);
			});
		}
		logger.info("Contracted {}: dropped {}.{}", id, expansion.table(), expansion.oldColumn());
		return new ContractResult(id, true, List.of());
	}

}
