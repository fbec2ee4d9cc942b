package dev.stepwise.migration.api;

import java.time.Duration;
import java.time.Instant;


/**
 * A running application instance as registered in {@code stepwise_instances}.
 *
 * @param instanceId the instance's id
 * @param host the host it runs on
 * @param maxVersion the highest migration version its code contains
 * @param startedAt when it registered
 * @param heartbeatAt its last heartbeat
 * @param silence the time since that heartbeat, by the database's clock
 */
public record RegisteredInstance(String instanceId, String host, MigrationVersion maxVersion, Instant startedAt,
		Instant heartbeatAt, Duration silence) {

}
