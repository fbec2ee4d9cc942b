package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RepairRequest;
import dev.stepwise.migration.api.RepairResult;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.history.HistoryTable;
import dev.stepwise.migration.internal.info.MigrationEntry;
import dev.stepwise.migration.internal.info.MigrationStates;
import org.jspecify.annotations.Nullable;

/**
 * What a repair changes in the history, worked out before anything changes, so that a dry
 * run shows exactly what the real one does.
 */
final class RepairPlan {

	private final List<RepairResult.Action> actions;

	private final List<String> unresolved;

	private final List<ChecksumUpdate> checksums;

	private final List<Integer> rolledBackRanks;

	private final List<Integer> appliedRanks;

	private RepairPlan(List<RepairResult.Action> actions, List<String> unresolved, List<ChecksumUpdate> checksums,
			List<Integer> rolledBackRanks, List<Integer> appliedRanks) {
		this.actions = actions;
		this.unresolved = unresolved;
		this.checksums = checksums;
		this.rolledBackRanks = rolledBackRanks;
		this.appliedRanks = appliedRanks;
	}

	/**
	 * Plans a repair.
	 * @throws IllegalArgumentException if the request marks a version whose rollback did not
	 * fail
	 */
	static RepairPlan of(MigrationStates states, List<AppliedMigration> rows, RepairRequest request) {
		checkMarked(states, request.markRolledBack(), "rolled back");
		checkMarked(states, request.markApplied(), "applied");
		List<RepairResult.Action> actions = new ArrayList<>();
		for (AppliedMigration row : rows) {
			if (!row.success() && !row.isRollbackFailed()) {
				actions.add(new RepairResult.Action(RepairResult.Kind.REMOVE_FAILED, row.version(), row.script(),
						"removes the FAILED record of " + row.installedOn() + ", so that migrate runs it again"));
			}
		}
		List<ChecksumUpdate> checksums = new ArrayList<>();
		for (MigrationEntry entry : states.inState(MigrationState.APPLIED)) {
			AppliedMigration row = Objects.requireNonNull(entry.applied());
			Integer checksum = Objects.requireNonNull(entry.resolved()).checksum();
			if (entry.resolved().type() == MigrationType.SQL && !Objects.equals(checksum, row.checksum())) {
				checksums.add(new ChecksumUpdate(row.installedRank(), checksum));
				actions.add(new RepairResult.Action(RepairResult.Kind.ACCEPT_CHECKSUM, row.version(), row.script(),
						"records checksum " + checksum + " instead of " + row.checksum()));
			}
		}
		List<Integer> rolledBackRanks = new ArrayList<>();
		List<Integer> appliedRanks = new ArrayList<>();
		List<String> unresolved = new ArrayList<>();
		for (MigrationEntry entry : states.inState(MigrationState.ROLLBACK_FAILED)) {
			MigrationInfo info = entry.info();
			AppliedMigration row = Objects.requireNonNull(entry.applied());
			if (request.markRolledBack().contains(info.version())) {
				rolledBackRanks.add(row.installedRank());
				actions.add(new RepairResult.Action(RepairResult.Kind.MARK_ROLLED_BACK, info.version(), info.script(),
						"records the failed rollback " + row.rollbackScript() + " as finished: rolled back"));
			}
			else if (request.markApplied().contains(info.version())) {
				appliedRanks.add(row.installedRank());
				actions.add(new RepairResult.Action(RepairResult.Kind.MARK_APPLIED, info.version(), info.script(),
						"records the migration as applied again, as if " + row.rollbackScript() + " had never run"));
			}
			else {
				unresolved.add(info.script() + " (version " + info.version() + "): its rollback failed halfway, and"
						+ " only a person can say how the schema stands now. Finish the undo by hand and repair with"
						+ " markRolledBack(\"" + info.version() + "\"), or restore what it undid and repair with"
						+ " markApplied(\"" + info.version() + "\")");
			}
		}
		return new RepairPlan(actions, unresolved, checksums, rolledBackRanks, appliedRanks);
	}

	private static void checkMarked(MigrationStates states, List<MigrationVersion> versions, String how) {
		for (MigrationVersion version : versions) {
			MigrationEntry entry = states.entries()
				.stream()
				.filter((candidate) -> version.equals(candidate.info().version()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Cannot mark version " + version + " " + how
						+ ": no migration has that version"));
			if (entry.info().state() != MigrationState.ROLLBACK_FAILED) {
				throw new IllegalArgumentException("Cannot mark version " + version + " " + how + ": it is "
						+ entry.info().state() + ", and only a migration whose rollback failed (ROLLBACK_FAILED) is"
						+ " marked by hand. Nothing was changed.");
			}
		}
	}

	/** Changes the history as planned; the caller holds the run's lock. */
	void apply(HistoryTable history, Connection connection, String user) throws SQLException {
		history.deleteFailed(connection);
		for (ChecksumUpdate update : this.checksums) {
			history.updateChecksum(connection, update.rank(), update.checksum());
		}
		Instant now = Instant.now();
		for (int rank : this.rolledBackRanks) {
			history.settleFailedRollback(connection, rank, true, user, now);
		}
		for (int rank : this.appliedRanks) {
			history.settleFailedRollback(connection, rank, false, user, now);
		}
	}

	RepairResult result(boolean dryRun) {
		return new RepairResult(dryRun, this.actions, this.unresolved);
	}

	private record ChecksumUpdate(int rank, @Nullable Integer checksum) {

	}

}
