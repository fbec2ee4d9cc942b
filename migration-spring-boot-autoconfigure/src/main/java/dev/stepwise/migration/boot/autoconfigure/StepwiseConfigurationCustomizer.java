package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.StepwiseConfiguration;

/**
 * Changes the engine's configuration after the properties were applied. Beans of this type
 * run in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface StepwiseConfigurationCustomizer {

	/**
	 * Customizes the configuration.
	 * @param configuration the builder, with the properties applied
	 */
	void customize(StepwiseConfiguration.Builder configuration);

}
