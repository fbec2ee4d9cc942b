package dev.stepwise.migration.api;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.Stepwise;


/**
 * What {@link Stepwise#repair(RepairRequest)} may change: it always removes FAILED records
 * and accepts changed checksums; a migration whose rollback failed halfway changes only
 * when a person says how they left its schema, rolled back or applied.
 *
 * @param dryRun whether to return what would change without changing anything
 * @param markRolledBack versions whose failed rollback a person finished by hand
 * @param markApplied versions whose failed rollback a person undid by hand, restoring
 * what the migration had built
 */
public record RepairRequest(boolean dryRun, List<MigrationVersion> markRolledBack,
		List<MigrationVersion> markApplied) {

	private static final RepairRequest DEFAULTS = new RepairRequest(false, List.of(), List.of());

	public RepairRequest {
		markRolledBack = List.copyOf(markRolledBack);
		markApplied = List.copyOf(markApplied);
		for (MigrationVersion version : markRolledBack) {
			if (markApplied.contains(version)) {
				throw new IllegalArgumentException("Version " + version
						+ " cannot be marked both rolled back and applied: say which one its schema is in");
			}
		}
	}

	/** Remove FAILED records and accept changed checksums; nothing else. */
	public static RepairRequest defaults() {
		return DEFAULTS;
	}

	/** The same request, as a dry run. */
	public RepairRequest asDryRun() {
		return new RepairRequest(true, this.markRolledBack, this.markApplied);
	}

	/**
	 * The same request, also recording the failed rollback of {@code version} as finished:
	 * a person completed the undo by hand.
	 */
	public RepairRequest markRolledBack(String version) {
		return new RepairRequest(this.dryRun, with(this.markRolledBack, version), this.markApplied);
	}

	/**
	 * The same request, also recording the migration whose rollback failed as applied again:
	 * a person restored what the undo had dropped.
	 */
	public RepairRequest markApplied(String version) {
		return new RepairRequest(this.dryRun, this.markRolledBack, with(this.markApplied, version));
	}

	private static List<MigrationVersion> with(List<MigrationVersion> versions, String version) {
		List<MigrationVersion> more = new ArrayList<>(versions);
		more.add(MigrationVersion.parse(version));
		return more;
	}

}
