package dev.stepwise.migration.boot.actuate;

import java.util.Map;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.EngineDescriptor;
import dev.stepwise.migration.boot.actuate.StepwiseEndpoint.ErrorDescriptor;
import dev.stepwise.migration.boot.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.migration.boot.autoconfigure.StepwiseEndpointAutoConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the endpoint exists, and how it reports several engines.
 */
class StepwiseEndpointAutoConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class,
				StepwiseEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void existsOnlyWhenExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StepwiseEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(StepwiseEndpoint.class));
	}

	@Test
	void backsOffWhenAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(StepwiseEndpoint.class));
	}

	@Test
	void backsOffWhenStepwiseIsDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "stepwise.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StepwiseEndpoint.class));
	}

	@Test
	void backsOffWithoutAnEngine() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class, StepwiseEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StepwiseEndpoint.class));
	}

	@Test
	void usesTheEndpointBeanOfTheUser() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withBean("myEndpoint", StepwiseEndpoint.class, () -> new StepwiseEndpoint(Map.of(), false))
			.run((context) -> assertThat(context).hasSingleBean(StepwiseEndpoint.class).hasBean("myEndpoint"));
	}

	@Test
	void reportsEachEngineOfTwoDataSourcesByBeanName() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "stepwise.rollback.enabled=true")
			.withUserConfiguration(TwoDatabasesConfiguration.class)
			.run((context) -> {
				StepwiseEndpoint endpoint = context.getBean(StepwiseEndpoint.class);
				var engines = endpoint.migrations().engines();
				assertThat(engines).containsOnlyKeys("ordersStepwise", "customersStepwise");
				assertThat(engines.get("ordersStepwise")).extracting(EngineDescriptor::currentVersion).isEqualTo("1");
				assertThat(engines.get("customersStepwise")).extracting(EngineDescriptor::currentVersion).isEqualTo("2");
				assertThat(engines.get("customersStepwise").migrations()).allSatisfy(
						(migration) -> assertThat(migration.description()).contains("customer"));

				WebEndpointResponse<Object> unnamed = endpoint.operate("rollback", null, 1, null, null, null, null, null);
				assertThat(unnamed.getStatus()).isEqualTo(400);
				assertThat(((ErrorDescriptor) unnamed.getBody()).message()).contains("name the one to change with \"engine\"");

				assertThat(endpoint.operate("rollback", null, 1, null, null, "customersStepwise", null, null).getStatus()).isEqualTo(200);
				assertThat(endpoint.migrations().engines().get("customersStepwise").currentVersion()).isEqualTo("1");
				assertThat(endpoint.migrations().engines().get("ordersStepwise").currentVersion()).isEqualTo("1");
				DataSource orders = context.getBean("ordersDataSource", DataSource.class);
				assertThat(new JdbcTemplate(orders).queryForObject("SELECT COUNT(*) FROM orders", Integer.class)).isZero();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDatabasesConfiguration {

		@Bean
		DataSource ordersDataSource() {
			return h2("orders");
		}

		@Bean
		DataSource customersDataSource() {
			return h2("customers");
		}

		@Bean
		Stepwise ordersStepwise(DataSource ordersDataSource) {
			return Stepwise.configure().dataSource(ordersDataSource).locations("classpath:db/orders").load();
		}

		@Bean
		Stepwise customersStepwise(DataSource customersDataSource) {
			return Stepwise.configure().dataSource(customersDataSource).locations("classpath:db/customers").load();
		}

		private static DataSource h2(String name) {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:" + name + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
			return dataSource;
		}

	}

}
