package dev.stepwise.migration.boot.autoconfigure;

import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.boot.health.MigrationFailureRecorder;
import dev.stepwise.migration.boot.health.StepwiseHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code migrations} health indicator.
 */
@AutoConfiguration(after = StepwiseAutoConfiguration.class)
@ConditionalOnClass({ Stepwise.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBooleanProperty(name = "stepwise.enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class StepwiseHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationFailureRecorder stepwiseMigrationFailureRecorder() {
		return new MigrationFailureRecorder();
	}

	@Bean
	@ConditionalOnBean(Stepwise.class)
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	StepwiseHealthIndicator migrationsHealthIndicator(Map<String, Stepwise> engines,
			MigrationFailureRecorder failureRecorder) {
		return new StepwiseHealthIndicator(engines, failureRecorder);
	}

}
