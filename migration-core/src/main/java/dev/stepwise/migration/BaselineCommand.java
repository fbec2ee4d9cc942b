package dev.stepwise.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.lock.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Stepwise#baseline(String)}: records a version as the baseline of a database that
 * already has a schema, so that migrations up to it count as applied. Also writes the row
 * that {@code baselineOnMigrate} records.
 */
final class BaselineCommand {

	// The engine's log name, which users' logging configuration already knows.
	private static final Logger logger = LoggerFactory.getLogger(Stepwise.class);

	private static final String DESCRIPTION = "<< Stepwise Baseline >>";

	private final EngineContext context;

	BaselineCommand(EngineContext context) {
		this.context = context;
	}

	/** @throws StepwiseException if the history table already has rows */
	void run(String version) {
		MigrationVersion baseline = MigrationVersion.parse(version);
		try (Session session = this.context.openSession(); RunLock lock = this.context.lock(session)) {
			session.history().createIfAbsent(session.connection());
			if (!session.readHistory().isEmpty()) {
				throw new StepwiseException("Cannot baseline " + session.history().name()
						+ ": it already has a history. A baseline only adopts a database that Stepwise has not"
						+ " migrated yet.");
			}
			write(session, baseline);
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("baseline", ex);
		}
	}

	/** Appends the baseline row to an empty history, under the caller's lock. */
	static AppliedMigration write(Session session, MigrationVersion version) throws SQLException {
		AppliedMigration baseline = new AppliedMigration(1, version, DESCRIPTION, MigrationType.BASELINE, DESCRIPTION,
				null, session.user(), Instant.now(), Duration.ZERO, true, null, null, null);
		session.history().append(session.connection(), baseline);
		logger.info("Baselined {} at version {}", session.history().name(), version);
		return baseline;
	}

}
