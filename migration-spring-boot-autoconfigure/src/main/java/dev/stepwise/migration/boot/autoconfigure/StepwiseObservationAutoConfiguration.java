package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.boot.observation.ObservedMigrationStrategy;
import dev.stepwise.migration.boot.observation.StepwiseObservationListener;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Stepwise's Micrometer Observations: one for each start-up run and
 * one for each migration, so that traces show them.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ Stepwise.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "stepwise.enabled", matchIfMissing = true)
public final class StepwiseObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StepwiseObservationListener stepwiseObservationListener(ObservationRegistry registry) {
		return new StepwiseObservationListener(registry);
	}

	@Bean
	MigrationStrategyDecorator stepwiseObservedMigrationStrategy(ObservationRegistry registry) {
		return (strategy) -> new ObservedMigrationStrategy(strategy, registry);
	}

}
