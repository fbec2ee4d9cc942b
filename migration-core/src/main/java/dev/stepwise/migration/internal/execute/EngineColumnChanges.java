package dev.stepwise.migration.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.expand.ColumnChange;
import dev.stepwise.migration.expand.ExpandInterruptedException;
import dev.stepwise.migration.expand.Expansions;
import dev.stepwise.migration.schema.ColumnChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands and contracts for the schema DSL inside a migration. The run's lock is already
 * held; what the migration did before is committed first, since an expand works on
 * connections of its own and must see it.
 */
final class EngineColumnChanges implements ColumnChanges {

	private static final Logger logger = LoggerFactory.getLogger(EngineColumnChanges.class);

	private final Expansions expansions;

	private final MigrationVersion version;

	private final Progress progress;

	EngineColumnChanges(Expansions expansions, MigrationVersion version, Progress progress) {
		this.expansions = expansions;
		this.version = version;
		this.progress = progress;
	}

	@Override
	public void expand(Connection connection, ColumnChange change) throws SQLException {
		commitSoFar(connection, "expand " + change);
		try {
			this.expansions.expand(change, this.version);
		}
		catch (ExpandInterruptedException ex) {
			// Its column and triggers committed before it stopped: the failure must not read "nothing was applied".
			this.progress.finished(true);
			throw ex;
		}
		this.progress.finished(true);
	}

	@Override
	public void contract(Connection connection, String changeId) throws SQLException {
		commitSoFar(connection, "contract " + changeId);
		ContractResult result = this.expansions.contract(changeId);
		if (result.deferred()) {
			logger.warn("Contract of {} deferred: {} live instance(s) still run code older than its expand; it is"
					+ " retried in the background (retryDeferredContracts) and at the next start", changeId,
					result.waitingFor().size());
		}
		this.progress.finished(true);
	}

	@Override
	public void undoExpand(Connection connection, String changeId) throws SQLException {
		commitSoFar(connection, "undo the expand of " + changeId);
		this.expansions.undoExpand(changeId);
		this.progress.finished(true);
	}

	@Override
	public void undoContract(Connection connection, String changeId) throws SQLException {
		commitSoFar(connection, "undo the contract of " + changeId);
		this.expansions.withdrawContract(changeId);
		this.progress.finished(true);
	}

	private void commitSoFar(Connection connection, String what) throws SQLException {
		this.progress.commitSoFar(connection);
		this.progress.starting(what, 0);
	}

}
