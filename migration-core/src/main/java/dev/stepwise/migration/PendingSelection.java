package dev.stepwise.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.internal.info.MigrationEntry;
import dev.stepwise.migration.internal.info.MigrationStates;
import org.jspecify.annotations.Nullable;

/**
 * Chooses what a migrate applies: versions in order up to the target, then repeatables;
 * refused when that would re-apply a rolled back migration below a version in effect while
 * {@code outOfOrder} is off, since the history would then show an order that the setting
 * forbids.
 */
final class PendingSelection {

	private PendingSelection() {
	}

	static List<MigrationEntry> select(MigrationStates states, MigrateOptions options,
			@Nullable MigrationVersion target, boolean outOfOrder) {
		List<MigrationEntry> pending = upToTarget(inOrder(states, options), target);
		if (!outOfOrder) {
			new OutOfOrderReapply(states).refuseIfAny(pending);
		}
		return pending;
	}

	private static List<MigrationEntry> upToTarget(List<MigrationEntry> due, @Nullable MigrationVersion target) {
		if (target == null) {
			return due;
		}
		return due.stream().filter((entry) -> entry.info().isRepeatable() || !entry.info().version().isNewerThan(target))
			.toList();
	}

	private static List<MigrationEntry> inOrder(MigrationStates states, MigrateOptions options) {
		List<MigrationEntry> versioned = new ArrayList<>();
		List<MigrationEntry> repeatable = new ArrayList<>();
		for (MigrationEntry entry : states.entries()) {
			MigrationState state = entry.info().state();
			boolean due = state == MigrationState.PENDING || state == MigrationState.OUTDATED
					|| (state == MigrationState.ROLLED_BACK && options.includeRolledBack() && entry.resolved() != null);
			if (due) {
				(entry.info().isRepeatable() ? repeatable : versioned).add(entry);
			}
		}
		versioned.sort(Comparator.comparing((MigrationEntry entry) -> entry.info().version()));
		versioned.addAll(repeatable);
		return versioned;
	}

}
