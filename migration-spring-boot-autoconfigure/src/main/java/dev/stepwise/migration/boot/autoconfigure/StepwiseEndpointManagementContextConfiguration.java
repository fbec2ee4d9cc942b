package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.boot.actuate.StepwiseEndpoint;
import dev.stepwise.migration.boot.actuate.WriteOperationBodyFilter;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link WriteOperationBodyFilter} with the server that serves Actuator: the
 * application's own, or, with {@code management.server.port}, the server of Actuator's
 * child context, which no filter of the application's context reaches.
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Filter.class)
@ConditionalOnBooleanProperty(name = "stepwise.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(StepwiseEndpoint.class)
class StepwiseEndpointManagementContextConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "stepwiseWriteOperationBodyFilter")
	FilterRegistrationBean<WriteOperationBodyFilter> stepwiseWriteOperationBodyFilter(
			ObjectProvider<PathMappedEndpoints> endpoints) {
		FilterRegistrationBean<WriteOperationBodyFilter> registration = new FilterRegistrationBean<>(
				WriteOperationBodyFilter.forEndpoint(StepwiseEndpoint.class));
		PathMappedEndpoints mapped = endpoints.getIfAvailable();
		String path = (mapped != null) ? mapped.getPath(StepwiseEndpointAutoConfiguration.MIGRATIONS) : null;
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
