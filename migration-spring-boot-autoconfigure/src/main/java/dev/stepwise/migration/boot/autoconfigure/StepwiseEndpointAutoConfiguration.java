package dev.stepwise.migration.boot.autoconfigure;

import java.util.Map;
import java.util.Set;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.boot.actuate.StepwiseEndpoint;
import dev.stepwise.migration.boot.actuate.StrictWriteOperationAdvisor;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code migrations} Actuator endpoint.
 */
@AutoConfiguration(after = StepwiseAutoConfiguration.class)
@ConditionalOnClass({ Stepwise.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBooleanProperty(name = "stepwise.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(StepwiseEndpoint.class)
@EnableConfigurationProperties(StepwiseProperties.class)
public final class StepwiseEndpointAutoConfiguration {

	static final EndpointId MIGRATIONS = EndpointId.of("migrations");

	@Bean
	@ConditionalOnBean(Stepwise.class)
	@ConditionalOnMissingBean
	StepwiseEndpoint stepwiseEndpoint(Map<String, Stepwise> engines, StepwiseProperties properties) {
		ShadowDriftCheck driftCheck = properties.isDriftCheck()
				? new ShadowDriftCheck(properties.getUrl(), properties.getUser(), properties.getPassword()) : null;
		return new StepwiseEndpoint(engines, properties.getRollback().isEnabled(), driftCheck);
	}

	@Bean
	@ConditionalOnMissingBean
	StrictWriteOperationAdvisor stepwiseStrictWriteOperationAdvisor() {
		return new StrictWriteOperationAdvisor(Set.of(MIGRATIONS));
	}

}
