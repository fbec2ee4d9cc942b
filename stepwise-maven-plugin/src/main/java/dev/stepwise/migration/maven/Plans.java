package dev.stepwise.migration.maven;

import java.util.List;

import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.PlannedMigration;
import org.apache.maven.plugin.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * Logs a dry run as the SQL a reviewer reads: statements in order, between transaction boundaries.
 */
final class Plans {

	private Plans() {
	}

	static void log(Log log, String header, List<PlannedMigration> plan) {
		log.info("-- " + header + ". Dry run: nothing was changed.");
		for (PlannedMigration step : plan) {
			log.info("-- " + step.script() + (step.transactional() ? "" : ", outside a transaction"));
			if (step.transactional()) {
				log.info("BEGIN;");
			}
			for (String statement : step.statements()) {
				boolean javaCall = step.type() == MigrationType.JAVA && step.statements().size() == 1
						&& statement.endsWith("(context)");
				String trimmed = statement.strip();
				log.info(javaCall ? "-- Java: " + statement : trimmed.endsWith(";") ? trimmed : trimmed + ";");
			}
			if (step.transactional()) {
				log.info("COMMIT;");
			}
		}
	}

	static String version(@Nullable MigrationVersion version) {
		return (version != null) ? version.toString() : "0 (empty)";
	}

}
