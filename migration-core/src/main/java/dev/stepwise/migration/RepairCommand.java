package dev.stepwise.migration;

import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.RepairRequest;
import dev.stepwise.migration.api.RepairResult;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.lock.RunLock;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Stepwise#repair(RepairRequest)}: applies a {@link RepairPlan} to the history under
 * the run's lock, or lists it for a dry run, and logs and reports what changed.
 */
final class RepairCommand {

	// The engine's log name, which users' logging configuration already knows.
	private static final Logger logger = LoggerFactory.getLogger(Stepwise.class);

	private final EngineContext context;

	RepairCommand(EngineContext context) {
		this.context = context;
	}

	RepairResult run(RepairRequest request) {
		try (Session session = this.context.openSession()) {
			List<ResolvedMigration> resolved = this.context.resolve(session);
			if (request.dryRun()) {
				List<AppliedMigration> rows = session.readHistory();
				return RepairPlan.of(this.context.states(resolved, rows), rows, request).result(true);
			}
			try (RunLock lock = this.context.lock(session)) {
				List<AppliedMigration> rows = session.readHistory();
				RepairPlan plan = RepairPlan.of(this.context.states(resolved, rows), rows, request);
				plan.apply(session.history(), session.connection(), session.user());
				RepairResult result = plan.result(false);
				result.actions().forEach((action) -> logger.info("Repaired {}: {} ({})", session.history().name(),
						action.detail(), action.script()));
				result.unresolved().forEach((problem) -> logger.warn("Not repaired: {}", problem));
				this.context.listeners().tell((listener) -> listener.afterRepair(result));
				return result;
			}
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("repair", ex);
		}
	}

}
