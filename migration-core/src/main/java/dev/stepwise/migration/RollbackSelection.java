package dev.stepwise.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RepairRequest;
import dev.stepwise.migration.api.RollbackRefusedException;
import dev.stepwise.migration.api.RollbackRequest;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.info.MigrationEntry;
import dev.stepwise.migration.internal.info.MigrationStates;

/**
 * Chooses what a rollback undoes, newest application first, and refuses before anything
 * runs when one of them cannot be undone.
 */
final class RollbackSelection {

	private RollbackSelection() {
	}

	/**
	 * The entries to undo, in the order to undo them.
	 * @throws RollbackRefusedException naming every migration in the way, or the bad target
	 */
	static List<MigrationEntry> select(MigrationStates states, RollbackRequest request) {
		List<MigrationEntry> inEffect = new ArrayList<>(states.entries()
			.stream()
			.filter((entry) -> entry.applied() != null && entry.applied().isInEffect()
					&& entry.info().version() != null)
			.toList());
		inEffect.sort(Comparator.comparing((MigrationEntry entry) -> entry.applied().installedRank()).reversed());
		List<MigrationEntry> selected = (request.target() != null) ? aboveTarget(states, inEffect, request.target())
				: lastApplied(inEffect, request.count());
		MigrationVersion target = request.target();
		refuseIfAFailureLiesAbove(states,
				(target != null) ? (version) -> version.isNewerThan(target) : notBelowOldest(selected));
		refuseIfAnyCannotBeUndone(selected);
		return selected;
	}

	/** Above what a rollback by count goes down to: the oldest selected version, or newer. */
	private static Predicate<MigrationVersion> notBelowOldest(List<MigrationEntry> selected) {
		MigrationVersion oldest = selected.stream()
			.map((entry) -> entry.info().version())
			.min(Comparator.naturalOrder())
			.orElseThrow();
		return (version) -> !oldest.isNewerThan(version);
	}

	/**
	 * Refuses when a failed migration, or a half-undone one, lies above where the rollback
	 * goes: its leftovers (a foreign key, a half-built table) would stop the rollback midway,
	 * after it had undone everything above them.
	 */
	private static void refuseIfAFailureLiesAbove(MigrationStates states, Predicate<MigrationVersion> above) {
		List<String> reasons = new ArrayList<>();
		for (MigrationEntry entry : states.entries()) {
			MigrationInfo info = entry.info();
			boolean inTheWay = info.version() == null || above.test(info.version());
			if (info.state() == MigrationState.FAILED && inTheWay) {
				reasons.add(info.script() + describe(info) + " is FAILED: part of it took effect. Undo or finish it by"
						+ " hand, then call repair() (Actuator: POST /actuator/migrations/repair) to clear its record,"
						+ " and roll back again");
			}
			else if (info.state() == MigrationState.ROLLBACK_FAILED && inTheWay) {
				reasons.add(info.script() + describe(info) + " is ROLLBACK_FAILED: its rollback stopped halfway. Put"
						+ " its schema right by hand, then call repair(RepairRequest.defaults().markRolledBack(\""
						+ info.version() + "\")) or markApplied(\"" + info.version() + "\") (Actuator: POST"
						+ " /actuator/migrations/repair), and roll back again");
			}
		}
		if (!reasons.isEmpty()) {
			throw new RollbackRefusedException("Rollback refused, nothing was changed: " + String.join("; ", reasons)
					+ ".");
		}
	}

	private static String describe(MigrationInfo info) {
		return (info.version() != null) ? " (version " + info.version() + ")" : " (repeatable)";
	}

	private static List<MigrationEntry> aboveTarget(MigrationStates states, List<MigrationEntry> inEffect,
			MigrationVersion target) {
		boolean known = target.equals(MigrationVersion.EMPTY)
				|| states.entries().stream().anyMatch((entry) -> target.equals(entry.info().version()));
		if (!known) {
			throw new RollbackRefusedException("Cannot roll back to version " + target
					+ ": no migration has that version. Give the version of a known migration, or 0 to undo them all.");
		}
		MigrationVersion current = states.currentVersion();
		if (current != null && target.isNewerThan(current)) {
			throw new RollbackRefusedException("Cannot roll back to version " + target
					+ ": it is above the current version " + current + ". A rollback only goes down; use migrate()"
					+ " to go up.");
		}
		return inEffect.stream().filter((entry) -> entry.info().version().isNewerThan(target)).toList();
	}

	private static List<MigrationEntry> lastApplied(List<MigrationEntry> inEffect, int count) {
		long undoable = inEffect.stream().filter((entry) -> entry.info().type() != MigrationType.BASELINE).count();
		if (count > undoable) {
			throw new RollbackRefusedException("Cannot roll back " + count + " migration(s): only " + undoable
					+ " are applied. Give a count of at most " + undoable + ", or a target version.");
		}
		return inEffect.subList(0, count);
	}

	private static void refuseIfAnyCannotBeUndone(List<MigrationEntry> selected) {
		List<String> reasons = new ArrayList<>();
		for (MigrationEntry entry : selected) {
			MigrationInfo info = entry.info();
			AppliedMigration row = Objects.requireNonNull(entry.applied());
			if (row.type() == MigrationType.BASELINE) {
				reasons.add("version " + info.version() + " is the baseline of an adopted schema, which has no undo;"
						+ " roll back to " + info.version() + " at the lowest");
			}
			else if (entry.resolved() == null) {
				reasons.add(info.script() + " (version " + info.version() + ") is applied but its source is gone,"
						+ " so its undo is unknown; restore the file with its undo");
			}
			else if (!entry.resolved().undoable()) {
				reasons.add(info.script() + " (version " + info.version() + ") has no way back; add a U"
						+ info.version() + "__" + info.description().replace(' ', '_') + ".sql script"
						+ " (or implement down() in a Java migration)");
			}
			else if (entry.resolved().checksum() != null
					&& !entry.resolved().checksum().equals(row.checksum())) {
				reasons.add(info.script() + " (version " + info.version() + ") was changed after it was applied, so"
						+ " its undo may not match what ran; revert the change first");
			}
		}
		if (!reasons.isEmpty()) {
			throw new RollbackRefusedException("Rollback refused, nothing was changed: " + String.join("; ", reasons)
					+ ".");
		}
	}

}
