package dev.stepwise.migration;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.PlannedMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds scripts without a statement (empty, or only comments) in a plan: recorded as run
 * although they change nothing, they usually mean a file saved before it was written.
 * Logged as a warning, or refused before anything runs with {@code failOnEmptyMigrations}.
 */
final class EmptyMigrations {

	private static final Logger logger = LoggerFactory.getLogger(EmptyMigrations.class);

	private EmptyMigrations() {
	}

	/**
	 * Checks a plan before it runs.
	 * @param plan the migrations to apply or undo
	 * @param recordedAs what the history will record them as, for the warning
	 * @param refuse whether to refuse rather than warn
	 * @throws MigrationValidationException naming every empty script, when refusing
	 */
	static void check(List<PlannedMigration> plan, String recordedAs, boolean refuse) {
		// A Java migration's plan names its up or down call, so only scripts and schema
		// migrations that describe nothing come out empty. A loop: most start-ups check an
		// empty plan, and a stream would cost its first use for nothing.
		List<String> empty = new ArrayList<>();
		for (PlannedMigration step : plan) {
			if (step.statements().isEmpty()) {
				empty.add(step.script());
			}
		}
		if (empty.isEmpty()) {
			return;
		}
		if (refuse) {
			throw new MigrationValidationException(empty.stream()
				.map((script) -> script + " has no statement (it is empty or holds only comments), and"
						+ " failOnEmptyMigrations is true (Spring Boot: stepwise.fail-on-empty-migrations). Nothing was"
						+ " run. Write its statements, or set the option to false to record it with a warning.")
				.toList());
		}
		for (String script : empty) {
			logger.warn("{} has no statement (it is empty or holds only comments), yet it will be recorded as {}."
					+ " If it was saved before it was written, fix it now; to refuse such scripts, set"
					+ " failOnEmptyMigrations(true) (Spring Boot: stepwise.fail-on-empty-migrations=true).", script,
					recordedAs);
		}
	}

}
