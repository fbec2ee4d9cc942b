package dev.stepwise.migration;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.PlannedMigration;
import dev.stepwise.migration.api.RunEvent;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.execute.Callbacks;
import dev.stepwise.migration.internal.execute.MigrationExecutor;
import dev.stepwise.migration.internal.info.MigrationEntry;

/**
 * All pending migrations in one transaction ({@code group}, as Flyway's): either all are
 * applied or none.
 * <p>
 * Flyway runs a group in one transaction even where DDL commits by itself, which makes the
 * promise false on MySQL and MariaDB. Here a group that could not be rolled back as a whole
 * is refused before any migration runs, naming the migration: one that runs without a
 * transaction, or, where DDL commits by itself (MySQL, MariaDB, H2), one with such a
 * statement or a Java migration (whose statements cannot be known in advance); and the
 * per-migration SQL callbacks, which commit on their own.
 */
final class MigrationGroup {

	private MigrationGroup() {
	}

	/**
	 * Applies the pending migrations in one transaction.
	 * @throws StepwiseException before anything runs, when the group could not be undone as
	 * a whole
	 */
	static List<ExecutedMigration> apply(Connection connection, Dialect dialect, MigrationExecutor executor,
			Callbacks callbacks, List<MigrationEntry> pending, List<PlannedMigration> plan, int firstRank) {
		refuseIfNotAtomic(dialect, plan, callbacks);
		return executor.applyGroup(connection,
				pending.stream().map((entry) -> Objects.requireNonNull(entry.resolved())).toList(), firstRank);
	}

	private static void refuseIfNotAtomic(Dialect dialect, List<PlannedMigration> plan, Callbacks callbacks) {
		List<String> problems = new ArrayList<>();
		for (RunEvent event : List.of(RunEvent.BEFORE_EACH_MIGRATE, RunEvent.AFTER_EACH_MIGRATE)) {
			if (callbacks.has(event)) {
				problems.add("the " + event.callbackName() + " SQL callback commits on its own, between the group's"
						+ " migrations");
			}
		}
		for (PlannedMigration migration : plan) {
			if (!migration.transactional()) {
				problems.add(migration.script() + " runs without a transaction (a -- stepwise:no-transaction"
						+ " directive, or a statement such as CREATE INDEX CONCURRENTLY)");
			}
			else if (dialect.ddlAutoCommits() && migration.type() == MigrationType.JAVA) {
				problems.add(migration.script() + " is a Java migration, whose DDL would commit by itself on "
						+ name(dialect));
			}
			else if (dialect.ddlAutoCommits()) {
				migration.statements()
					.stream()
					.filter(dialect::commitsImplicitly)
					.findFirst()
					.ifPresent((statement) -> problems.add(migration.script() + " has a statement that commits by"
							+ " itself on " + name(dialect) + " (" + abbreviated(statement) + ")"));
			}
		}
		if (!problems.isEmpty()) {
			throw new StepwiseException("group is on (stepwise.group=true), but these migrations could not be rolled"
					+ " back as one group: " + String.join("; ", problems) + ". No migration was applied. Apply them"
					+ " without group (stepwise.group=false, each migration in its own transaction), or keep the"
					+ " group to migrations that run in one transaction" + (dialect.ddlAutoCommits()
							? " (on " + name(dialect) + ", data changes without DDL)" : "")
					+ ".");
		}
	}

	private static String name(Dialect dialect) {
		return switch (dialect.type()) {
			case POSTGRESQL -> "PostgreSQL";
			case MYSQL -> "MySQL";
			case MARIADB -> "MariaDB";
			case H2 -> "H2";
		};
	}

	private static String abbreviated(String statement) {
		String line = statement.strip().replaceAll("\\s+", " ");
		return (line.length() <= 60) ? line : line.substring(0, 57) + "...";
	}

}
