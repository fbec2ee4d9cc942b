package dev.stepwise.migration.expand;

import java.time.Duration;
import java.util.Objects;

/**
 * The part of the engine's configuration that expands and contracts read. The engine's
 * configuration checks these values once, where it is built; nothing here defaults or
 * checks them again.
 *
 * @param instanceStaleness the silence after which a registered instance counts as gone
 * ({@code stepwise.instance-staleness})
 * @param backfillWorkers how many connections each backfill uses at once, each walking its
 * own part of the table ({@code stepwise.backfill-workers})
 * @param lockWait how long a contract waits for a registration in progress, and a
 * registration for a contract's last decision and drop ({@code stepwise.lock-wait-timeout})
 */
public record ExpansionSettings(Duration instanceStaleness, int backfillWorkers, Duration lockWait) {

	public ExpansionSettings {
		Objects.requireNonNull(instanceStaleness, "instanceStaleness must not be null");
		Objects.requireNonNull(lockWait, "lockWait must not be null");
	}

}
