package dev.stepwise.migration.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.PlannedMigration;

/**
 * Prints a dry run as a SQL script a reviewer can read: each migration's statements in
 * the order they run, between the transaction boundaries the engine will use.
 */
final class SqlPlan {

	private SqlPlan() {
	}

	static void print(PrintWriter out, String header, List<PlannedMigration> plan, String historyTable) {
		out.println("-- " + header);
		out.println("-- Dry run: nothing was changed. Each migration's history row in " + historyTable
				+ " is written with it, before its COMMIT.");
		for (PlannedMigration step : plan) {
			out.println();
			String version = (step.version() != null) ? "version " + step.version() : "repeatable";
			out.println("-- " + step.script() + " (" + version + ": " + step.description() + ")"
					+ (step.transactional() ? "" : ", outside a transaction: each statement commits by itself"));
			if (step.transactional()) {
				out.println("BEGIN;");
			}
			for (String statement : step.statements()) {
				if (isJavaCall(step, statement)) {
					out.println("-- Java: " + statement);
				}
				else {
					String trimmed = statement.strip();
					out.println(trimmed.endsWith(";") ? trimmed : trimmed + ";");
				}
			}
			if (step.transactional()) {
				out.println("COMMIT;");
			}
		}
		out.flush();
	}

	/** A plain Java migration's plan names the method it calls, not SQL. */
	static boolean isJavaCall(PlannedMigration step, String statement) {
		return step.type() == MigrationType.JAVA && step.statements().size() == 1 && statement.endsWith("(context)");
	}

}
