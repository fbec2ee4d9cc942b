package dev.stepwise.migration.benchmarks;

import org.flywaydb.core.Flyway;

/**
 * Flyway's side of {@code benchmarks/run cli}: a plain main doing what {@code flyway info}
 * and {@code flyway migrate} do, since Flyway's command-line distribution does not resolve
 * from the registry this build uses. Arguments: {@code info|migrate URL SCRIPTS_DIRECTORY}.
 */
public final class FlywayCommand {

	private FlywayCommand() {
	}

	public static void main(String[] args) {
		Flyway flyway = Flyway.configure()
			.dataSource(args[1], null, null)
			.locations("filesystem:" + args[2])
			.load();
		if (args[0].equals("info")) {
			// As flyway info does: every migration with its state.
			System.out.println(flyway.info().all().length + " migrations");
		}
		else {
			System.out.println(flyway.migrate().migrationsExecuted + " applied");
		}
	}

}
