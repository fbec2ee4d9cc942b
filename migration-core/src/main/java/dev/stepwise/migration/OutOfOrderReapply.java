package dev.stepwise.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.internal.info.MigrationEntry;
import dev.stepwise.migration.internal.info.MigrationStates;

/**
 * Refuses to re-apply rolled back migrations below a version still in effect, the one way
 * migrate could otherwise write the history out of version order with {@code outOfOrder}
 * off: a rollback leaves its migrations ROLLED_BACK, a later release applies newer ones
 * above them, and re-applying the rolled back ones (asked for, or because their script
 * changed) would record them after the newer ones.
 */
final class OutOfOrderReapply {

	private final MigrationStates states;

	OutOfOrderReapply(MigrationStates states) {
		this.states = states;
	}

	/**
	 * @throws MigrationValidationException naming the migrations, the versions above them
	 * and the two ways forward
	 */
	void refuseIfAny(List<MigrationEntry> pending) {
		MigrationVersion current = this.states.currentVersion();
		if (current == null) {
			return;
		}
		List<MigrationEntry> below = pending.stream()
			.filter((entry) -> entry.applied() != null && entry.applied().isRolledBack()
					&& entry.info().version() != null && current.isNewerThan(entry.info().version()))
			.toList();
		if (below.isEmpty()) {
			return;
		}
		MigrationVersion lowest = below.stream().map((entry) -> entry.info().version()).min(Comparator.naturalOrder())
			.orElseThrow();
		List<String> names = below.stream().map((entry) -> name(entry)).toList();
		List<String> above = inEffect().stream()
			.filter((entry) -> entry.info().version().isNewerThan(lowest))
			.map((entry) -> "version " + entry.info().version() + " (" + entry.info().script() + ")")
			.toList();
		String target = String.valueOf(rollbackTarget(lowest));
		throw new MigrationValidationException(List.of(String.join(", ", names) + " "
				+ ((below.size() == 1) ? "was" : "were") + " rolled back, and " + String.join(", ", above)
				+ " in effect above; applying " + ((below.size() == 1) ? "it" : "them") + " now would record "
				+ ((below.size() == 1) ? "it" : "them") + " after newer versions, which outOfOrder=false forbids."
				+ " Nothing was run. Roll back to version " + target + " first (rollbackTo(\"" + target + "\");"
				+ " Actuator: POST /actuator/migrations/rollback {\"target\": \"" + target + "\"}), then migrate"
				+ " including rolled back migrations to apply everything in version order; or apply "
				+ ((below.size() == 1) ? "it" : "them") + " below the newer versions with outOfOrder(true)"
				+ " (Spring Boot: stepwise.out-of-order=true)."));
	}

	private List<MigrationEntry> inEffect() {
		List<MigrationEntry> inEffect = new ArrayList<>();
		for (MigrationEntry entry : this.states.entries()) {
			if (entry.applied() != null && entry.applied().isInEffect() && entry.info().version() != null) {
				inEffect.add(entry);
			}
		}
		return inEffect;
	}

	private MigrationVersion rollbackTarget(MigrationVersion lowest) {
		return inEffect().stream()
			.map((entry) -> Objects.requireNonNull(entry.info().version()))
			.filter((version) -> lowest.isNewerThan(version))
			.max(Comparator.naturalOrder())
			.orElse(MigrationVersion.EMPTY);
	}

	private static String name(MigrationEntry entry) {
		return entry.info().script() + " (version " + entry.info().version() + ")";
	}

}
