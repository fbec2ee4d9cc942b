package dev.stepwise.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.stepwise.migration.api.LockTimeoutException;
import dev.stepwise.migration.expand.ExpansionTables;
import dev.stepwise.migration.internal.lock.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Stepwise#resumeBackfills()}: runs or resumes the unfinished backfills under a lock
 * of their own, not the run's, so that a long backfill never keeps another instance from
 * starting; an instance that finds the lock taken leaves the work to its holder.
 */
final class BackfillCommand {

	// The engine's log name, which users' logging configuration already knows.
	private static final Logger logger = LoggerFactory.getLogger(Stepwise.class);

	private final EngineContext context;

	BackfillCommand(EngineContext context) {
		this.context = context;
	}

	List<String> resume() {
		try (Session session = this.context.openSession()) {
			if (!session.tableExists(ExpansionTables.EXPANSIONS)) {
				return List.of();
			}
			try (RunLock lock = RunLock.acquire(this.context.configuration().dataSource(), session.dialect(),
					session.history().schema(), ExpansionTables.BACKFILLS, Duration.ZERO)) {
				return this.context.expansions(session).resumeBackfills();
			}
			catch (LockTimeoutException ex) {
				logger.debug("Another instance is running the backfills");
				return List.of();
			}
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("resume backfills", ex);
		}
	}

}
