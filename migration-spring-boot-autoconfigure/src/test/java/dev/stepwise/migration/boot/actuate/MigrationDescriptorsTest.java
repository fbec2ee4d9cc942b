package dev.stepwise.migration.boot.actuate;

import java.time.Duration;
import java.time.Instant;

import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the endpoint shows of one migration.
 */
class MigrationDescriptorsTest {

	@Test
	void showsWhetherAMigrationWasAdoptedFromFlyway() {
		MigrationInfo adopted = new MigrationInfo(MigrationVersion.parse("1"), "create users", MigrationType.SQL,
				"V1__create_users.sql", 42, MigrationState.APPLIED, 1, "flyway", Instant.EPOCH, Duration.ofMillis(3),
				null, null, true, true);

		assertThat(MigrationDescriptors.MigrationDescriptor.of(adopted).adopted()).isTrue();
	}

}
