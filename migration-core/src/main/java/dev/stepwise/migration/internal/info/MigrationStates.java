package dev.stepwise.migration.internal.info;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseInfo;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * Every migration's state, from the sources and the history table read together.
 * <p>
 * For a versioned migration the latest history row of its version decides:
 * <ol>
 * <li>no row: pending if above the current version (or {@code outOfOrder}), ignored if
 * below it, below-baseline if at or under the baseline;</li>
 * <li>pending but above the configured target: above target, which migrate leaves
 * alone;</li>
 * <li>a row whose rollback failed halfway: rollback failed;</li>
 * <li>a failed row: failed;</li>
 * <li>a rolled back row: rolled back, unless the script changed since (then pending: a
 * fixed script is a new decision);</li>
 * <li>otherwise applied (or baseline).</li>
 * </ol>
 * A row without a source is missing, or future when above every known version. A
 * repeatable migration is pending until it runs, and outdated when its script changed.
 * Rows ranked below an {@link MigrationType#ADOPTION} marker were adopted from Flyway's history.
 *
 * @param entries every migration, versioned ones by version, then repeatables by description
 * @param currentVersion the highest version in effect, or {@code null} for an empty schema
 */
public record MigrationStates(List<MigrationEntry> entries, @Nullable MigrationVersion currentVersion) {

	public MigrationStates {
		entries = List.copyOf(entries);
	}

	/**
	 * Computes the states.
	 * @param resolved the sources, in order
	 * @param applied the history rows in rank order
	 * @param outOfOrder whether versions below the current one are still applied
	 * @return the states
	 */
	public static MigrationStates of(List<ResolvedMigration> resolved, List<AppliedMigration> applied,
			boolean outOfOrder) {
		return of(resolved, applied, outOfOrder, null);
	}

	/**
	 * Computes the states, a versioned migration that would be pending but is above
	 * {@code target} being {@link MigrationState#ABOVE_TARGET}.
	 * @param resolved the sources, in order
	 * @param applied the history rows in rank order
	 * @param outOfOrder whether versions below the current one are still applied
	 * @param target the version migrate stops at, or {@code null} for the latest
	 * @return the states
	 */
	public static MigrationStates of(List<ResolvedMigration> resolved, List<AppliedMigration> applied,
			boolean outOfOrder, @Nullable MigrationVersion target) {
		Map<MigrationVersion, AppliedMigration> latestByVersion = new LinkedHashMap<>();
		Map<String, AppliedMigration> latestRepeatable = new LinkedHashMap<>();
		int adoptedBelow = 0;
		for (AppliedMigration row : applied) {
			if (row.type() == MigrationType.ADOPTION) {
				adoptedBelow = row.installedRank();
			}
			else if (row.version() != null) {
				latestByVersion.put(row.version(), row);
			}
			else {
				latestRepeatable.put(row.description(), row);
			}
		}
		// Loops rather than streams here and below: this runs at every start-up, where each
		// stream and lambda costs its first use in a cold JVM.
		MigrationVersion current = null;
		MigrationVersion baseline = null;
		for (AppliedMigration row : latestByVersion.values()) {
			if (row.isInEffect()) {
				current = newer(current, row.version());
				if (row.type() == MigrationType.BASELINE) {
					baseline = newer(baseline, row.version());
				}
			}
		}
		MigrationVersion newestKnown = null;
		for (ResolvedMigration source : resolved) {
			newestKnown = newer(newestKnown, source.version());
		}

		Adoption adoption = new Adoption(adoptedBelow);
		List<MigrationEntry> versioned = new ArrayList<>();
		List<MigrationEntry> repeatable = new ArrayList<>();
		Set<MigrationVersion> seenVersions = new HashSet<>();
		Set<String> seenRepeatables = new HashSet<>();
		for (ResolvedMigration source : resolved) {
			if (source.version() != null) {
				AppliedMigration row = latestByVersion.get(source.version());
				seenVersions.add(source.version());
				MigrationState state = versionedState(source, row, current, baseline, outOfOrder);
				if (state == MigrationState.PENDING && target != null && source.version().isNewerThan(target)) {
					state = MigrationState.ABOVE_TARGET;
				}
				versioned.add(adoption.entry(source, row, state));
			}
			else {
				AppliedMigration row = latestRepeatable.get(source.description());
				seenRepeatables.add(source.description());
				repeatable.add(adoption.entry(source, row, repeatableState(source, row)));
			}
		}
		for (Map.Entry<MigrationVersion, AppliedMigration> latest : latestByVersion.entrySet()) {
			if (!seenVersions.contains(latest.getKey())) {
				AppliedMigration row = latest.getValue();
				versioned.add(adoption.entry(null, row, orphanState(row, newestKnown)));
			}
		}
		for (Map.Entry<String, AppliedMigration> latest : latestRepeatable.entrySet()) {
			if (!seenRepeatables.contains(latest.getKey())) {
				AppliedMigration row = latest.getValue();
				repeatable.add(adoption.entry(null, row, row.success() ? MigrationState.MISSING : MigrationState.FAILED));
			}
		}
		// Sources come in version order: only rows without a source, added at the end, need a sort.
		if (!inVersionOrder(versioned)) {
			versioned.sort(Comparator.comparing((MigrationEntry entry) -> entry.info().version()));
		}
		List<MigrationEntry> entries = new ArrayList<>(versioned);
		entries.addAll(repeatable);
		return new MigrationStates(entries, current);
	}

	private static MigrationState versionedState(ResolvedMigration source, @Nullable AppliedMigration row,
			@Nullable MigrationVersion current, @Nullable MigrationVersion baseline, boolean outOfOrder) {
		MigrationVersion version = Objects.requireNonNull(source.version());
		if (row == null) {
			if (baseline != null && !version.isNewerThan(baseline)) {
				return MigrationState.BELOW_BASELINE;
			}
			if (current == null || version.isNewerThan(current) || outOfOrder) {
				return MigrationState.PENDING;
			}
			return MigrationState.IGNORED;
		}
		if (row.isRollbackFailed()) {
			return MigrationState.ROLLBACK_FAILED;
		}
		if (!row.success()) {
			return MigrationState.FAILED;
		}
		if (row.isRolledBack()) {
			boolean changed = source.checksum() != null && !source.checksum().equals(row.checksum());
			return changed ? MigrationState.PENDING : MigrationState.ROLLED_BACK;
		}
		return (row.type() == MigrationType.BASELINE) ? MigrationState.BASELINE : MigrationState.APPLIED;
	}

	private static MigrationState repeatableState(ResolvedMigration source, @Nullable AppliedMigration row) {
		if (row == null) {
			return MigrationState.PENDING;
		}
		if (!row.success()) {
			return MigrationState.FAILED;
		}
		return Objects.equals(source.checksum(), row.checksum()) ? MigrationState.APPLIED : MigrationState.OUTDATED;
	}

	private static MigrationState orphanState(AppliedMigration row, @Nullable MigrationVersion newestKnown) {
		if (row.isRollbackFailed()) {
			return MigrationState.ROLLBACK_FAILED;
		}
		if (!row.success()) {
			return MigrationState.FAILED;
		}
		if (row.isRolledBack()) {
			return MigrationState.ROLLED_BACK;
		}
		if (row.type() == MigrationType.BASELINE) {
			return MigrationState.BASELINE;
		}
		boolean future = newestKnown == null || Objects.requireNonNull(row.version()).isNewerThan(newestKnown);
		return future ? MigrationState.FUTURE : MigrationState.MISSING;
	}

	/** Builds entries, knowing below which rank history rows were adopted. */
	private record Adoption(int adoptedBelow) {

		MigrationEntry entry(@Nullable ResolvedMigration source, @Nullable AppliedMigration row, MigrationState state) {
			MigrationEntry entry = MigrationStates.entry(source, row, state);
			if (row == null || row.installedRank() >= this.adoptedBelow) {
				return entry;
			}
			MigrationInfo info = entry.info();
			return new MigrationEntry(new MigrationInfo(info.version(), info.description(), info.type(), info.script(),
					info.checksum(), info.state(), info.installedRank(), info.installedBy(), info.installedOn(),
					info.executionTime(), info.rolledBackBy(), info.rolledBackOn(), info.undoable(), true),
					entry.resolved(), entry.applied());
		}

	}

	private static MigrationEntry entry(@Nullable ResolvedMigration source, @Nullable AppliedMigration row,
			MigrationState state) {
		MigrationInfo info;
		if (source != null) {
			info = new MigrationInfo(source.version(), source.description(), source.type(), source.script(),
					source.checksum(), state, (row != null) ? row.installedRank() : null,
					(row != null) ? row.installedBy() : null, (row != null) ? row.installedOn() : null,
					(row != null) ? row.executionTime() : null, (row != null) ? row.rolledBackBy() : null,
					(row != null) ? row.rolledBackOn() : null, source.undoable());
		}
		else {
			AppliedMigration known = Objects.requireNonNull(row);
			info = new MigrationInfo(known.version(), known.description(), known.type(), known.script(),
					known.checksum(), state, known.installedRank(), known.installedBy(), known.installedOn(),
					known.executionTime(), known.rolledBackBy(), known.rolledBackOn(), false);
		}
		return new MigrationEntry(info, source, row);
	}

	private static boolean inVersionOrder(List<MigrationEntry> versioned) {
		for (int i = 1; i < versioned.size(); i++) {
			if (versioned.get(i - 1).info().version().compareTo(versioned.get(i).info().version()) > 0) {
				return false;
			}
		}
		return true;
	}

	/** The newer of two versions, either of which may be missing. */
	private static @Nullable MigrationVersion newer(@Nullable MigrationVersion newest,
			@Nullable MigrationVersion version) {
		return (version != null && (newest == null || version.isNewerThan(newest))) ? version : newest;
	}

	/** The entries in one state. */
	public List<MigrationEntry> inState(MigrationState state) {
		List<MigrationEntry> inState = new ArrayList<>();
		for (MigrationEntry entry : this.entries) {
			if (entry.info().state() == state) {
				inState.add(entry);
			}
		}
		return List.copyOf(inState);
	}

	/** What users see, with the column changes in flight. */
	public StepwiseInfo toInfo(List<Expansion> expansions) {
		return new StepwiseInfo(this.currentVersion, this.entries.stream().map(MigrationEntry::info).toList(),
				expansions);
	}

}
