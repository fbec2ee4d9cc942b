package dev.stepwise.migration;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rules between settings, checked when the configuration is built, with messages that
 * name the properties to change.
 */
class StepwiseConfigurationTests {

	private StepwiseConfiguration.Builder configure() {
		return Stepwise.configure().dataSource("jdbc:h2:mem:configuration", "sa", "");
	}

	@Test
	void refusesAHeartbeatIntervalAtOrAboveTheInstanceStaleness() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> configure().heartbeatInterval(Duration.ofMinutes(3)).build())
			.withMessageContaining("stepwise.instance-registry.heartbeat-interval (engine: heartbeatInterval) is PT3M")
			.withMessageContaining("at or above stepwise.instance-staleness (engine: instanceStaleness) PT2M")
			.withMessageContaining("every live instance would count as gone");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> configure().instanceStaleness(Duration.ofSeconds(30)).build())
			.withMessageContaining("is PT30S, at or above stepwise.instance-staleness (engine: instanceStaleness) PT30S");
	}

	@Test
	void refusesAZeroHeartbeatIntervalOrStaleness() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().heartbeatInterval(Duration.ZERO).build())
			.withMessageContaining("stepwise.instance-registry.heartbeat-interval must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().instanceStaleness(Duration.ZERO).build())
			.withMessageContaining("stepwise.instance-staleness must be positive");
	}

	@Test
	void acceptsAHeartbeatIntervalBelowTheStalenessWhicheverIsSetFirst() {
		StepwiseConfiguration configuration = configure().heartbeatInterval(Duration.ofMinutes(3))
			.instanceStaleness(Duration.ofMinutes(10))
			.build();
		assertThat(configuration.heartbeatInterval()).isEqualTo(Duration.ofMinutes(3));
		assertThat(configuration.instanceStaleness()).isEqualTo(Duration.ofMinutes(10));
		assertThat(configure().build().heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
	}

}
