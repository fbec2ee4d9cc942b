package dev.stepwise.migration.boot.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each engine event becomes the meters that the listener documents.
 */
class StepwiseMetricsListenerTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final StepwiseMetricsListener listener = new StepwiseMetricsListener(this.registry);

	private final MigrationEvent v3 = new MigrationEvent(MigrationVersion.parse("3"), "Add index", MigrationType.SQL,
			"db/migration/V3__Add_index.sql");

	@Test
	void appliedMigrationIsTimedAndCounted() {
		this.listener.afterMigrate(this.v3, Duration.ofMillis(40));
		Timer timer = this.registry.get("stepwise.migrations")
			.tags("version", "3", "type", "SQL", "direction", "up", "outcome", "success")
			.timer();
		assertThat(timer.count()).isOne();
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
		assertThat(this.registry.get("stepwise.migrations.applied").counter().count()).isOne();
	}

	@Test
	void failedMigrationIsTimedAsAFailureAndCounted() {
		this.listener.migrateFailed(this.v3, Duration.ofMillis(5), new IllegalStateException("boom"));
		assertThat(this.registry.get("stepwise.migrations").tags("outcome", "failure", "direction", "up").timer().count())
			.isOne();
		assertThat(this.registry.get("stepwise.migrations.failed").tags("direction", "up").counter().count()).isOne();
		assertThat(this.registry.find("stepwise.migrations.applied").counter()).isNull();
	}

	@Test
	void rollbackIsTimedDownAndCounted() {
		this.listener.afterRollback(this.v3, Duration.ofMillis(7));
		this.listener.rollbackFailed(this.v3, Duration.ofMillis(2), new IllegalStateException("boom"));
		assertThat(this.registry.get("stepwise.migrations").tags("direction", "down", "outcome", "success").timer().count())
			.isOne();
		assertThat(this.registry.get("stepwise.migrations.rolled.back").counter().count()).isOne();
		assertThat(this.registry.get("stepwise.migrations.failed").tags("direction", "down").counter().count()).isOne();
	}

	@Test
	void repeatableMigrationIsTaggedAsSuch() {
		this.listener.afterMigrate(new MigrationEvent(null, "Views", MigrationType.SQL, "R__Views.sql"), Duration.ZERO);
		assertThat(this.registry.get("stepwise.migrations").tags("version", "repeatable").timer().count()).isOne();
	}

	@Test
	void lockWaitAndDdlRetriesAreRecorded() {
		this.listener.lockAcquired(Duration.ofMillis(1500));
		this.listener.ddlRetried(this.v3, 1, Duration.ofMillis(500));
		this.listener.ddlRetried(this.v3, 2, Duration.ofSeconds(1));
		assertThat(this.registry.get("stepwise.lock.wait").timer().totalTime(TimeUnit.MILLISECONDS))
			.isEqualTo(1500);
		assertThat(this.registry.get("stepwise.ddl.retries").tags("version", "3").counter().count()).isEqualTo(2);
	}

}
