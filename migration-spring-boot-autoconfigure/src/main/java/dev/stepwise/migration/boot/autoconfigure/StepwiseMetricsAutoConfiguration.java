package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.boot.metrics.ExpansionMeterBinder;
import dev.stepwise.migration.boot.metrics.PendingMigrationsMeterBinder;
import dev.stepwise.migration.boot.metrics.StepwiseMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Stepwise's Micrometer metrics: a listener that every engine the
 * auto-configuration builds reports to, a gauge of pending migrations per engine, and the
 * gauges of expansions in flight and backfill progress.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ Stepwise.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "stepwise.enabled", matchIfMissing = true)
public final class StepwiseMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StepwiseMetricsListener stepwiseMetricsListener(MeterRegistry registry) {
		return new StepwiseMetricsListener(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	PendingMigrationsMeterBinder stepwisePendingMigrationsMeterBinder(ListableBeanFactory beanFactory) {
		return new PendingMigrationsMeterBinder(beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	ExpansionMeterBinder stepwiseExpansionMeterBinder(ListableBeanFactory beanFactory) {
		return new ExpansionMeterBinder(beanFactory);
	}

}
