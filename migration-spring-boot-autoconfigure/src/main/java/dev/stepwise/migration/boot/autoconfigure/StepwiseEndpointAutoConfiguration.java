package dev.stepwise.migration.boot.autoconfigure;

import java.util.Map;
import java.util.Set;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.boot.actuate.StepwiseEndpoint;
import dev.stepwise.migration.boot.actuate.StrictWriteOperationAdvisor;
import dev.stepwise.migration.boot.actuate.WriteOperationBodyFilter;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code migrations} Actuator endpoint.
 */
@AutoConfiguration(after = StepwiseAutoConfiguration.class)
@ConditionalOnClass({ Stepwise.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBooleanProperty(name = "stepwise.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(StepwiseEndpoint.class)
@EnableConfigurationProperties(StepwiseProperties.class)
public final class StepwiseEndpointAutoConfiguration {

	private static final EndpointId MIGRATIONS = EndpointId.of("migrations");

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(Filter.class)
	static class WriteOperationBodyConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "stepwiseWriteOperationBodyFilter")
		FilterRegistrationBean<WriteOperationBodyFilter> stepwiseWriteOperationBodyFilter(
				ObjectProvider<PathMappedEndpoints> endpoints) {
			FilterRegistrationBean<WriteOperationBodyFilter> registration = new FilterRegistrationBean<>(
					WriteOperationBodyFilter.forEndpoint(StepwiseEndpoint.class));
			PathMappedEndpoints mapped = endpoints.getIfAvailable();
			String path = (mapped != null) ? mapped.getPath(MIGRATIONS) : null;
			if (path == null) {
				// Not exposed over HTTP: no URL pattern would map the filter to every request.
				registration.setEnabled(false);
				return registration;
			}
			registration.addUrlPatterns(path, path + "/*");
			// After Spring Security (-100), so that only an authorised caller gets to the body.
			registration.setOrder(0);
			return registration;
		}

	}

}
