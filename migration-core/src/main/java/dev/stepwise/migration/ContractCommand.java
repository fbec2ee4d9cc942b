package dev.stepwise.migration;

import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.expand.ExpansionTables;
import dev.stepwise.migration.internal.lock.RunLock;

/**
 * {@link Stepwise#contract(String)} and {@link Stepwise#retryDeferredContracts()}: contracts
 * expanded changes under the run's lock, since a contract changes the schema as a migration
 * does.
 */
final class ContractCommand {

	private final EngineContext context;

	ContractCommand(EngineContext context) {
		this.context = context;
	}

	ContractResult contract(String changeId) {
		try (Session session = this.context.openSession(); RunLock lock = this.context.lock(session)) {
			return this.context.expansions(session).contract(changeId);
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("contract " + changeId, ex);
		}
	}

	List<ContractResult> retryDeferred() {
		try (Session session = this.context.openSession()) {
			if (!session.tableExists(ExpansionTables.EXPANSIONS)) {
				return List.of();
			}
			try (RunLock lock = this.context.lock(session)) {
				return this.context.expansions(session).retryDeferredContracts();
			}
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("retry deferred contracts", ex);
		}
	}

}
