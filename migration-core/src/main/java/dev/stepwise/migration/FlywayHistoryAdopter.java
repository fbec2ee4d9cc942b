package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.FlywayAdoption;
import dev.stepwise.migration.api.LockLostException;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.internal.execute.LockCheck;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.history.FlywayHistory;
import dev.stepwise.migration.internal.history.FlywayRow;
import dev.stepwise.migration.internal.info.MigrationEntry;
import dev.stepwise.migration.internal.info.MigrationStates;
import dev.stepwise.migration.internal.info.MigrationValidator;
import dev.stepwise.migration.internal.jdbc.Transactions;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts a Flyway history in place, on the first run of a database that Flyway migrated.
 * <ol>
 * <li>applies only when adoption is on, Stepwise's history has no rows (missing, or left
 * empty by an adoption that failed after creating it) and Flyway's has some;</li>
 * <li>refuses, before writing anything, when a Flyway row failed or the sources disagree
 * with Flyway's history (the rule {@code validate} applies, checksums included);</li>
 * <li>under the run's lock, copies every row with its rank, then an
 * {@link MigrationType#ADOPTION} marker, in one transaction; Flyway's table is only
 * read, so a team can go back to Flyway.</li>
 * </ol>
 */
final class FlywayHistoryAdopter {

	private static final Logger logger = LoggerFactory.getLogger(FlywayHistoryAdopter.class);

	private static final String MARKER_DESCRIPTION = "<< Flyway history adopted >>";

	private final StepwiseConfiguration configuration;

	FlywayHistoryAdopter(StepwiseConfiguration configuration) {
		this.configuration = configuration;
	}

	/**
	 * The rows adoption would write (Flyway's, translated, then the marker), or {@code null}
	 * when there is nothing to adopt.
	 * @param stepwiseRows Stepwise's history, {@code null} when its table does not exist
	 */
	@Nullable List<AppliedMigration> preview(Session session, @Nullable List<AppliedMigration> stepwiseRows)
			throws SQLException {
		if (this.configuration.flywayAdoption() == FlywayAdoption.OFF
				|| (stepwiseRows != null && !stepwiseRows.isEmpty())) {
			return null;
		}
		FlywayHistory flyway = flyway(session);
		List<FlywayRow> rows = flyway.read(session.connection());
		if (rows == null || rows.isEmpty()) {
			return null;
		}
		List<AppliedMigration> adopted = new ArrayList<>(flyway.translate(rows));
		int markerRank = adopted.stream().mapToInt(AppliedMigration::installedRank).max().orElse(0) + 1;
		adopted.add(new AppliedMigration(markerRank, null, MARKER_DESCRIPTION, MigrationType.ADOPTION, flyway.name(),
				null, session.user(), Instant.now(), Duration.ZERO, true, null, null, null));
		return adopted;
	}

	/**
	 * Refuses a history that cannot be adopted as it is, naming each problem and its fix.
	 * @throws MigrationValidationException when a Flyway row failed or the sources disagree
	 */
	void check(Session session, List<ResolvedMigration> resolved, List<AppliedMigration> preview) {
		String flyway = flyway(session).name();
		String prefix = "Cannot adopt Flyway's history " + flyway + " (nothing was changed, "
				+ session.history().name() + " was not written): ";
		MigrationStates states = MigrationStates.of(resolved, preview, this.configuration.outOfOrder());
		List<String> problems = new ArrayList<>();
		for (MigrationEntry entry : states.entries()) {
			MigrationInfo info = entry.info();
			AppliedMigration row = entry.applied();
			ResolvedMigration source = entry.resolved();
			if (info.state() == MigrationState.FAILED && row != null) {
				problems.add(prefix + row.script() + " failed under Flyway on " + row.installedOn() + " (rank "
						+ row.installedRank() + "), and some of its statements may have taken effect. Finish or undo"
						+ " them by hand, remove the failed row with `flyway repair` (or DELETE FROM " + flyway
						+ " WHERE installed_rank = " + row.installedRank() + "), then start again.");
			}
			else if (info.state() == MigrationState.APPLIED && source != null && row != null
					&& source.type() == MigrationType.SQL && !Objects.equals(source.checksum(), row.checksum())) {
				problems.add(prefix + source.script() + " was changed after Flyway applied it (checksum "
						+ row.checksum() + " in " + flyway + ", " + source.checksum() + " now). Revert the script to"
						+ " what Flyway applied and put the change in a new migration; if the change is only cosmetic,"
						+ " run `flyway repair` to record the new checksum, then start again.");
			}
		}
		if (problems.isEmpty()) {
			for (String problem : new MigrationValidator(flyway, this.configuration.ignoreFutureMigrations())
				.problems(states)) {
				problems.add(prefix + problem);
			}
		}
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(problems);
		}
	}

	/**
	 * Checks and writes the adopted rows in one transaction. Call under the run's lock: the
	 * transaction commits only while {@code lock} says the lock is still held, as each
	 * migration's does, since another instance that took the lock meanwhile would adopt too.
	 * @return the rows written, Stepwise's history from now on
	 * @throws LockLostException when the lock was lost; nothing was adopted then
	 */
	List<AppliedMigration> adopt(Session session, List<ResolvedMigration> resolved, List<AppliedMigration> preview,
			LockCheck lock) throws SQLException {
		check(session, resolved, preview);
		session.history().createIfAbsent(session.connection());
		Connection connection = session.connection();
		Transactions.run(connection, () -> {
			for (AppliedMigration row : preview) {
				session.history().append(connection, row);
				if (row.rolledBackOn() != null) {
					session.history().markRolledBack(connection, row.installedRank(),
							Objects.requireNonNull(row.rolledBackBy()), row.rolledBackOn(),
							Objects.requireNonNull(row.rollbackScript()));
				}
			}
			String lost = lock.lostBecause();
			if (lost != null) {
				throw lockLost(session, lost);
			}
		});
		logger.info("Adopted {} row(s) of Flyway's history {} into {}; Flyway's table was left as it was",
				preview.size() - 1, flyway(session).name(), session.history().name());
		return preview;
	}

	private LockLostException lockLost(Session session, String why) {
		String flyway = flyway(session).name();
		return new LockLostException("The migration lock on " + session.history().name() + " was lost while adopting"
				+ " Flyway's history " + flyway + ": " + why + ". Nothing was adopted: the copy was rolled back, "
				+ session.history().name() + " has no rows and " + flyway + " was only read. Start again (another"
				+ " instance may have taken the lock and adopted it meanwhile); find out what ended the lock's session"
				+ " (an idle timeout of a proxy or pooler, a failover, an operator) so that it does not happen again.",
				null, flyway);
	}

	private FlywayHistory flyway(Session session) {
		return new FlywayHistory(session.dialect(), session.history().schema(), this.configuration.flywayTable());
	}

}
