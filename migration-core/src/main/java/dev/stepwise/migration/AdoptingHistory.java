package dev.stepwise.migration;

import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.lock.RunLock;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * Stepwise's history as a command reads it: on a database that Flyway migrated and Stepwise
 * has not adopted yet, the rows adoption would write (a read) or writes (under the lock).
 */
final class AdoptingHistory {

	private final FlywayHistoryAdopter adopter;

	AdoptingHistory(FlywayHistoryAdopter adopter) {
		this.adopter = adopter;
	}

	/**
	 * The rows adoption would write, or {@code null} when there is nothing to adopt.
	 * @param rows Stepwise's history, {@code null} when its table does not exist
	 */
	@Nullable List<AppliedMigration> adoptable(Session session, @Nullable List<AppliedMigration> rows)
			throws SQLException {
		return this.adopter.preview(session, rows);
	}

	/**
	 * Stepwise's history; on a Flyway database not adopted yet, the rows adoption would write
	 * (checked against {@code resolved} when given).
	 */
	List<AppliedMigration> orAdoptable(Session session, @Nullable List<ResolvedMigration> resolved)
			throws SQLException {
		List<AppliedMigration> rows = session.history().readIfExists(session.connection());
		List<AppliedMigration> adoptable = this.adopter.preview(session, rows);
		if (adoptable != null && resolved != null) {
			this.adopter.check(session, resolved, adoptable);
		}
		return of(rows, adoptable);
	}

	/**
	 * Under the lock: Stepwise's history, adopting Flyway's first when there is one to adopt;
	 * the adoption commits only while {@code lock} is still held.
	 * @return the rows, or {@code null} when Stepwise's history table does not exist
	 */
	@Nullable List<AppliedMigration> adoptingFlyway(Session session, List<ResolvedMigration> resolved, RunLock lock)
			throws SQLException {
		List<AppliedMigration> rows = session.history().readIfExists(session.connection());
		List<AppliedMigration> adoptable = this.adopter.preview(session, rows);
		return (adoptable != null) ? this.adopter.adopt(session, resolved, adoptable, lock::lostBecause) : rows;
	}

	/** The rows a command works with: the adoptable ones if any, else Stepwise's, else none. */
	static List<AppliedMigration> of(@Nullable List<AppliedMigration> rows,
			@Nullable List<AppliedMigration> adoptable) {
		if (adoptable != null) {
			return adoptable;
		}
		return (rows != null) ? rows : List.of();
	}

}
