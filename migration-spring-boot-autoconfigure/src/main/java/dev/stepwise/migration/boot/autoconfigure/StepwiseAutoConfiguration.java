package dev.stepwise.migration.boot.autoconfigure;

import java.util.Map;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.StepwiseListener;
import dev.stepwise.migration.boot.backfill.StepwiseBackgroundBackfills;
import dev.stepwise.migration.boot.registry.StepwiseInstanceRegistrar;
import dev.stepwise.migration.java.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration of Stepwise: an engine on the application's database, migrated while
 * the context starts, before anything else uses the database; this instance's entry in the
 * registry that deferred contracts wait on; and the backfills left to the background.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Stepwise.class)
@ConditionalOnBooleanProperty(name = "stepwise.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StepwiseProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(StepwiseRuntimeHints.class)
public final class StepwiseAutoConfiguration {

	@Bean
	@ConditionalOnBean(Stepwise.class)
	@ConditionalOnMissingBean
	StepwiseMigrationInitializer stepwiseMigrationInitializer(Map<String, Stepwise> engines,
			ObjectProvider<StepwiseMigrationStrategy> migrationStrategy,
			ObjectProvider<MigrationStrategyDecorator> decorators, StepwiseProperties properties) {
		StepwiseMigrationStrategy strategy = migrationStrategy
			.getIfAvailable(() -> StartupStrategies.of(properties.getStartup()));
		for (MigrationStrategyDecorator decorator : decorators.orderedStream().toList()) {
			strategy = decorator.apply(strategy);
		}
		return new StepwiseMigrationInitializer(engines, strategy);
	}

	@Bean
	@ConditionalOnBean(Stepwise.class)
	StepwiseSchemaManagementProvider stepwiseSchemaManagementProvider(ObjectProvider<Stepwise> engines) {
		return new StepwiseSchemaManagementProvider(engines);
	}

	@Bean
	@ConditionalOnBean(Stepwise.class)
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "stepwise.instance-registry.enabled", matchIfMissing = true)
	StepwiseInstanceRegistrar stepwiseInstanceRegistrar(Map<String, Stepwise> engines, StepwiseProperties properties) {
		return new StepwiseInstanceRegistrar(engines, properties.getInstanceRegistry().getHeartbeatInterval());
	}

	@Bean
	@ConditionalOnBean(Stepwise.class)
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "stepwise.background-backfills.enabled", matchIfMissing = true)
	StepwiseBackgroundBackfills stepwiseBackgroundBackfills(Map<String, Stepwise> engines,
			StepwiseProperties properties) {
		return new StepwiseBackgroundBackfills(engines, properties.getBackgroundBackfills().getCheckInterval());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Stepwise.class)
	@Conditional(StepwiseDataSourceCondition.class)
	static class StepwiseEngineConfiguration {

		@Bean
		Stepwise stepwise(StepwiseProperties properties, ResourceLoader resourceLoader,
				ObjectProvider<DataSource> dataSource, @StepwiseDataSource ObjectProvider<DataSource> stepwiseDataSource,
				ObjectProvider<JdbcConnectionDetails> connectionDetails, ObjectProvider<JavaMigration> javaMigrations, ObjectProvider<StepwiseListener> listeners,
				ObjectProvider<StepwiseConfigurationCustomizer> customizers) {
			StepwiseConfiguration.Builder configuration = Stepwise.configure();
			configureDataSource(configuration, properties, dataSource, stepwiseDataSource, connectionDetails);
			configureProperties(configuration, properties);
			ClassLoader classLoader = resourceLoader.getClassLoader();
			if (classLoader != null) {
				configuration.classLoader(classLoader);
			}
			// For a native image's resources, which the engine's own scanner of directories and
			// jars cannot list; the engine asks it only for those.
			configuration.scriptSource(new SpringResourceScriptSource(resourceLoader));
			configuration.javaMigrations(javaMigrations.orderedStream().toList());
			configuration.listeners(listeners.orderedStream().toArray(StepwiseListener[]::new));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(configuration));
			return configuration.load();
		}

		/**
		 * Picks the database: {@code stepwise.url} first, then a {@link StepwiseDataSource}
		 * bean, then the application's only (or primary) DataSource, then, for an application
		 * without a DataSource of its own, the {@link JdbcConnectionDetails} that a service
		 * connection (Testcontainers, Docker Compose) provides.
		 */
		private void configureDataSource(StepwiseConfiguration.Builder configuration, StepwiseProperties properties,
				ObjectProvider<DataSource> dataSource, ObjectProvider<DataSource> stepwiseDataSource,
				ObjectProvider<JdbcConnectionDetails> connectionDetails) {
			String url = properties.getUrl();
			if (url != null) {
				configuration.dataSource(url, properties.getUser(), properties.getPassword());
				return;
			}
			JdbcConnectionDetails details = connectionDetails.getIfUnique();
			if (details != null && stepwiseDataSource.getIfAvailable() == null && !dataSource.iterator().hasNext()) {
				configuration.dataSource(details.getJdbcUrl(), details.getUsername(), details.getPassword());
				return;
			}
			DataSource chosen = stepwiseDataSource.getIfAvailable(dataSource::getIfUnique);
			if (chosen == null) {
				throw new IllegalStateException("Stepwise found several DataSource beans and none is @Primary:"
						+ " mark the one to migrate with @StepwiseDataSource, set stepwise.url,"
						+ " or define a Stepwise bean per DataSource");
			}
			if (properties.getUser() != null) {
				// As spring.flyway.user: the same database, reached as another user (a DDL user).
				configuration.dataSource(OtherUserDataSource.of(chosen, properties.getUser(), properties.getPassword()));
				return;
			}
			configuration.dataSource(chosen);
		}

		private void configureProperties(StepwiseConfiguration.Builder configuration, StepwiseProperties properties) {
			PropertyMapper map = PropertyMapper.get();
			map.from(properties::getLocations).to(configuration::locations);
			map.from(properties::getTable).to(configuration::table);
			map.from(properties::getSchema).to(configuration::schema);
			map.from(properties::getPlaceholders).to(configuration::placeholders);
			map.from(properties::isPlaceholderReplacement).to(configuration::placeholderReplacement);
			map.from(properties::isOutOfOrder).to(configuration::outOfOrder);
			map.from(properties::isValidateOnMigrate).to(configuration::validateOnMigrate);
			map.from(properties::isIgnoreFutureMigrations).to(configuration::ignoreFutureMigrations);
			map.from(properties::isBaselineOnMigrate).to(configuration::baselineOnMigrate);
			map.from(properties::getBaselineVersion).to(configuration::baselineVersion);
			map.from(properties::isFailOnEmptyMigrations).to(configuration::failOnEmptyMigrations);
			map.from(properties::getLockWaitTimeout).to(configuration::lockWaitTimeout);
			map.from(properties::getDdlLockTimeout).to(configuration::ddlLockTimeout);
			map.from(properties::getDdlRetries).to(configuration::ddlRetries);
			map.from(properties::getDdlRetryBackoff).to(configuration::ddlRetryBackoff);
			map.from(properties::getInstanceStaleness).to(configuration::instanceStaleness);
			map.from(properties.getInstanceRegistry()::getHeartbeatInterval).to(configuration::heartbeatInterval);
			map.from(properties::getBackfillWorkers).to(configuration::backfillWorkers);
			map.from(properties::getInstalledBy).to(configuration::installedBy);
			map.from(properties::getEncoding).to(configuration::encoding);
			map.from(properties::getFlywayAdoption).to(configuration::flywayAdoption);
			map.from(properties::getFlywayTable).to(configuration::flywayTable);
			map.from(properties::getTarget).to(configuration::target);
			map.from(properties::getConnectRetries).to(configuration::connectRetries);
			map.from(properties::getConnectRetriesInterval).to(configuration::connectRetriesInterval);
			map.from(properties::getInitSqls).to(configuration::initSqls);
			map.from(properties::getPlaceholderPrefix).to(configuration::placeholderPrefix);
			map.from(properties::getPlaceholderSuffix).to(configuration::placeholderSuffix);
			map.from(properties::isFailOnMissingLocations).to(configuration::failOnMissingLocations);
			map.from(properties::isValidateMigrationNaming).to(configuration::validateMigrationNaming);
			map.from(properties::getDefaultSchema).to(configuration::defaultSchema);
			map.from(properties::isCreateSchemas).to(configuration::createSchemas);
			map.from(properties::getSchemas).to(configuration::schemas);
			map.from(properties::isGroup).to(configuration::group);
			map.from(properties::isMixed).to(configuration::mixed);
		}

	}

	/**
	 * Matches when there is a database to migrate: a DataSource bean, connection details or
	 * {@code stepwise.url}.
	 */
	static final class StepwiseDataSourceCondition extends AnyNestedCondition {

		StepwiseDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnProperty("stepwise.url")
		private static final class StepwiseUrlCondition {

		}

	}

}
