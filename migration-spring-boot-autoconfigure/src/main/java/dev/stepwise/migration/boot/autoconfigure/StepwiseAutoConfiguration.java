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

		// Plain calls, not a PropertyMapper of method references: each of those is a lambda
		// class generated at start-up, seventy of them here.
		private void configureProperties(StepwiseConfiguration.Builder configuration, StepwiseProperties properties) {
			configuration.locations(properties.getLocations());
			configuration.table(properties.getTable());
			String schema = properties.getSchema();
			if (schema != null) {
				configuration.schema(schema);
			}
			configuration.placeholders(properties.getPlaceholders());
			configuration.placeholderReplacement(properties.isPlaceholderReplacement());
			configuration.outOfOrder(properties.isOutOfOrder());
			configuration.validateOnMigrate(properties.isValidateOnMigrate());
			configuration.ignoreFutureMigrations(properties.isIgnoreFutureMigrations());
			configuration.baselineOnMigrate(properties.isBaselineOnMigrate());
			configuration.baselineVersion(properties.getBaselineVersion());
			configuration.failOnEmptyMigrations(properties.isFailOnEmptyMigrations());
			configuration.lockWaitTimeout(properties.getLockWaitTimeout());
			configuration.ddlLockTimeout(properties.getDdlLockTimeout());
			configuration.ddlRetries(properties.getDdlRetries());
			configuration.ddlRetryBackoff(properties.getDdlRetryBackoff());
			configuration.instanceStaleness(properties.getInstanceStaleness());
			configuration.heartbeatInterval(properties.getInstanceRegistry().getHeartbeatInterval());
			configuration.backfillWorkers(properties.getBackfillWorkers());
			String installedBy = properties.getInstalledBy();
			if (installedBy != null) {
				configuration.installedBy(installedBy);
			}
			configuration.encoding(properties.getEncoding());
			configuration.flywayAdoption(properties.getFlywayAdoption());
			configuration.flywayTable(properties.getFlywayTable());
			String target = properties.getTarget();
			if (target != null) {
				configuration.target(target);
			}
			configuration.connectRetries(properties.getConnectRetries());
			configuration.connectRetriesInterval(properties.getConnectRetriesInterval());
			configuration.initSqls(properties.getInitSqls());
			configuration.placeholderPrefix(properties.getPlaceholderPrefix());
			configuration.placeholderSuffix(properties.getPlaceholderSuffix());
			configuration.failOnMissingLocations(properties.isFailOnMissingLocations());
			configuration.validateMigrationNaming(properties.isValidateMigrationNaming());
			String defaultSchema = properties.getDefaultSchema();
			if (defaultSchema != null) {
				configuration.defaultSchema(defaultSchema);
			}
			configuration.createSchemas(properties.isCreateSchemas());
			configuration.schemas(properties.getSchemas());
			configuration.group(properties.isGroup());
			configuration.mixed(properties.isMixed());
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
