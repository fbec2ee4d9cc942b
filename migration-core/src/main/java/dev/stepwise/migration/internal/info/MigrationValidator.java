package dev.stepwise.migration.internal.info;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where the sources and the history disagree, each problem as one sentence that names
 * the file and the fix.
 */
public final class MigrationValidator {

	private static final Logger logger = LoggerFactory.getLogger(MigrationValidator.class);

	private final String historyTable;

	private final boolean ignoreFutureMigrations;

	public MigrationValidator(String historyTable, boolean ignoreFutureMigrations) {
		this.historyTable = historyTable;
		this.ignoreFutureMigrations = ignoreFutureMigrations;
	}

	/** Every problem, empty when the sources and the history agree. */
	public List<String> problems(MigrationStates states) {
		List<String> problems = new ArrayList<>();
		for (MigrationEntry entry : states.entries()) {
			MigrationInfo info = entry.info();
			ResolvedMigration source = entry.resolved();
			AppliedMigration row = entry.applied();
			switch (info.state()) {
				case APPLIED -> {
					if (source != null && row != null) {
						checkUnchanged(source, row, problems);
					}
				}
				case FAILED, ROLLBACK_FAILED -> {
					String problem = (info.state() == MigrationState.FAILED) ? failed(info) : rollbackFailed(info);
					if (source == null && isFuture(info, newestKnown(states))) {
						// A newer release's failure is for that release to repair: an old pod must still
						// restart and scale while it is being fixed.
						if (this.ignoreFutureMigrations) {
							logger.warn("{} It belongs to a newer release than this one; carrying on, since"
									+ " ignoreFutureMigrations is true.", problem);
						}
						else {
							problems.add(problem + " It belongs to a newer release than this one: repair it with that"
									+ " release, or set ignoreFutureMigrations(true) (Spring Boot:"
									+ " stepwise.ignore-future-migrations=true) to start this one meanwhile.");
						}
					}
					else {
						problems.add(problem);
					}
				}
				case MISSING -> problems.add(name(info) + " was applied on " + info.installedOn()
						+ " but is no longer among the sources. Restore it: deleting a file does not undo what it"
						+ " did (roll it back first with rollbackTo if it must go).");
				case FUTURE -> {
					String message = "Version " + info.version() + " (" + info.script() + ") was applied by a newer"
							+ " release than this one, which knows only older versions.";
					if (this.ignoreFutureMigrations) {
						logger.warn("{} Carrying on: ignoreFutureMigrations is true, as it must be while old and new"
								+ " releases run side by side.", message);
					}
					else {
						problems.add(message + " Deploy the newer release, or set ignoreFutureMigrations(true)"
								+ " (Spring Boot: stepwise.ignore-future-migrations=true).");
					}
				}
				case IGNORED -> problems.add(name(info) + " is not applied, but the database is already at version "
						+ states.currentVersion() + ". Renumber it above " + states.currentVersion()
						+ ", or apply it out of order with outOfOrder(true) (Spring Boot: stepwise.out-of-order=true).");
				default -> {
				}
			}
		}
		return problems;
	}

	private void checkUnchanged(ResolvedMigration source, AppliedMigration row, List<String> problems) {
		if (source.type() != row.type()) {
			problems.add(name(source) + " was applied as a " + row.type() + " migration (" + row.script()
					+ ") but is now a " + source.type() + " migration. Keep the original, and make the change a new"
					+ " migration.");
		}
		else if (source.type() == MigrationType.SQL && !Objects.equals(source.checksum(), row.checksum())) {
			problems.add(name(source) + " was changed after it was applied (checksum " + row.checksum()
					+ " in " + this.historyTable + ", " + source.checksum() + " now). Revert the change and put it"
					+ " in a new migration; if the change is only cosmetic (comments, whitespace), call repair()"
					+ " to accept the new checksum.");
		}
	}

	private String failed(MigrationInfo info) {
		return name(info) + " failed or was interrupted on " + info.installedOn() + " (a failed statement, a lost"
				+ " connection or lock, or a crash), and some of its statements may have taken effect: it ran without"
				+ " a transaction, or its DDL commits by itself, so they were not rolled back. Check which of its"
				+ " statements ran, undo or finish them by hand, then call repair() to remove the failed record"
				+ " from " + this.historyTable + " and migrate again.";
	}

	private String rollbackFailed(MigrationInfo info) {
		String version = String.valueOf(info.version());
		return name(info) + ": its rollback (" + info.rolledBackBy() + ", " + info.rolledBackOn() + ") failed after"
				+ " part of the undo had taken effect, so it is neither applied nor rolled back (ROLLBACK_FAILED in "
				+ this.historyTable + "). Finish the undo by hand and call"
				+ " repair(RepairRequest.defaults().markRolledBack(\"" + version + "\")), or restore what it undid and"
				+ " call repair(RepairRequest.defaults().markApplied(\"" + version + "\")) (Actuator: POST"
				+ " /actuator/migrations/repair).";
	}

	// Only a failure without a source needs it: not worked out for every start-up.
	private static @Nullable MigrationVersion newestKnown(MigrationStates states) {
		return states.entries().stream()
			.filter((entry) -> entry.resolved() != null)
			.map((entry) -> entry.info().version())
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	private static boolean isFuture(MigrationInfo info, @Nullable MigrationVersion newestKnown) {
		return info.version() != null && (newestKnown == null || info.version().isNewerThan(newestKnown));
	}

	private static String name(MigrationInfo info) {
		return info.script() + ((info.version() != null) ? " (version " + info.version() + ")" : "");
	}

	private static String name(ResolvedMigration source) {
		String where = (source.upScript() != null) ? " in " + source.upScript().location() : "";
		return source.script() + where;
	}

}
