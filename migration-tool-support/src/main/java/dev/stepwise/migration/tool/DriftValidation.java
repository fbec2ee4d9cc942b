package dev.stepwise.migration.tool;

import java.util.List;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.catalog.CatalogDiff;
import dev.stepwise.migration.catalog.Difference;
import dev.stepwise.migration.catalog.MigrationsSchema;
import dev.stepwise.migration.catalog.ShadowDatabase;

/**
 * The drift check of {@code validate} in both tools ({@code stepwise.drift-check}): the live
 * database against what its applied migrations make in a shadow database on the same server.
 * It lives here rather than in the engine's {@code validate()} because the comparison
 * ({@code catalog}) runs the engine, so the engine calling it would make a package cycle.
 */
public final class DriftValidation {

	private DriftValidation() {
	}

	/**
	 * Compares, and fails as a validation does when anything differs.
	 * @param engine the engine on the live database, already validated
	 * @param serverUrl the live database's URL: the shadow database goes on its server
	 * @param connector opens a DataSource on a URL with the configured credentials
	 * @throws MigrationValidationException naming each difference ({@code +} only in the
	 * database, {@code -} only in the migrations, {@code ~} changed)
	 */
	public static void check(Stepwise engine, String serverUrl, ShadowDatabase.Connector connector) {
		CatalogDiff drift;
		try (ShadowDatabase shadow = ShadowDatabase.create(serverUrl, connector)) {
			drift = MigrationsSchema.drift(engine, MigrationsSchema.sameAs(engine.configuration()), shadow);
		}
		if (!drift.isEmpty()) {
			List<String> problems = drift.differences()
				.stream()
				.map(Difference::describe)
				.map((difference) -> "drift: " + difference + " (the database differs from what its applied"
						+ " migrations make: write a migration for it, or undo the change by hand)")
				.toList();
			throw new MigrationValidationException(problems);
		}
	}

}
