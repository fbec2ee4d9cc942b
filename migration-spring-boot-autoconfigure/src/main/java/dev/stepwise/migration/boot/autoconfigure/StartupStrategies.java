package dev.stepwise.migration.boot.autoconfigure;

import java.util.List;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.StepwiseException;

/**
 * The start-up strategy that {@code stepwise.startup} names, when the application defines
 * no {@link StepwiseMigrationStrategy} of its own.
 */
final class StartupStrategies {

	private StartupStrategies() {
	}

	static StepwiseMigrationStrategy of(StepwiseProperties.Startup startup) {
		return switch (startup) {
			case MIGRATE -> Stepwise::migrate;
			case VALIDATE -> StartupStrategies::validate;
			case NONE -> (stepwise) -> {
			};
		};
	}

	/**
	 * Validates, and refuses to start while migrations are pending: an application started
	 * with {@code validate} expects a job to have migrated first, and must not serve traffic
	 * on an older schema than its code expects.
	 */
	private static void validate(Stepwise stepwise) {
		stepwise.validate();
		// Versions above stepwise.target are not pending: this release does not apply them.
		List<String> pending = stepwise.info().pending().stream().map(MigrationInfo::script).toList();
		if (!pending.isEmpty()) {
			throw new StepwiseException("Stepwise did not start the application: " + pending.size()
					+ " migration(s) pending (" + String.join(", ", pending) + ") and stepwise.startup=validate does"
					+ " not apply them. Nothing was changed. Run the migration job first (an instance with"
					+ " stepwise.startup=migrate, the default), then start the application again.");
		}
	}

}
