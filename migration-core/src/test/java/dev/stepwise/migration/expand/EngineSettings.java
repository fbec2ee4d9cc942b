package dev.stepwise.migration.expand;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;

/** Expansions as the engine builds them: with the configuration's defaults, not copies of them. */
final class EngineSettings {

	private EngineSettings() {
	}

	static ExpansionSettings defaults(DataSource dataSource) {
		StepwiseConfiguration configuration = Stepwise.configure().dataSource(dataSource).build();
		return new ExpansionSettings(configuration.instanceStaleness(), configuration.backfillWorkers(),
				configuration.lockWaitTimeout());
	}

}
