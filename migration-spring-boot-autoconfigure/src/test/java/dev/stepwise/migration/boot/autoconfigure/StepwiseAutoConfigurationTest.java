package dev.stepwise.migration.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseListener;
import dev.stepwise.migration.java.JavaMigration;
import dev.stepwise.migration.java.MigrationContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions, back-offs and property mapping of {@link StepwiseAutoConfiguration}. A
 * migration strategy that only records keeps these tests off the database; the start-up
 * migration itself is tested in {@link StepwiseAutoConfigurationMigrationTest}.
 */
class StepwiseAutoConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true")
		.withUserConfiguration(RecordingStrategyConfiguration.class);

	@Test
	void backsOffWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Stepwise.class)
				.doesNotHaveBean(StepwiseMigrationInitializer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("stepwise.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Stepwise.class)
				.doesNotHaveBean(StepwiseMigrationInitializer.class)
				.doesNotHaveBean(StepwiseProperties.class));
	}

	@Test
	void backsOffWithoutTheEngineOnTheClassPath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Stepwise.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StepwiseMigrationInitializer.class));
	}

	@Test
	void buildsAnEngineOnTheApplicationDataSourceAndMigratesItAtStartUp() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Stepwise.class).hasSingleBean(StepwiseMigrationInitializer.class);
			Stepwise stepwise = context.getBean(Stepwise.class);
			assertThat(stepwise.configuration().dataSource()).isSameAs(context.getBean(DataSource.class));
			assertThat(context.getBean(RecordingStrategy.class).migrated).containsExactly(stepwise);
		});
	}

	@Test
	void usesTheEngineBeanOfTheUserAndStillMigratesIt() {
		this.contextRunner.withUserConfiguration(UserEngineConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Stepwise.class);
			Stepwise stepwise = context.getBean(Stepwise.class);
			assertThat(stepwise.configuration().table()).isEqualTo("user_history");
			assertThat(context.getBean(RecordingStrategy.class).migrated).containsExactly(stepwise);
		});
	}

	@Test
	void migratesEveryEngineOfTheUser() {
		this.contextRunner.withUserConfiguration(TwoEnginesConfiguration.class).run((context) -> {
			assertThat(context.getBeansOfType(Stepwise.class)).containsOnlyKeys("ordersStepwise", "customersStepwise");
			assertThat(context.getBean(RecordingStrategy.class).migrated).containsExactly(
					context.getBean("ordersStepwise", Stepwise.class), context.getBean("customersStepwise", Stepwise.class));
		});
	}

	@Test
	void backsOffFromTheInitializerWhenTheUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserInitializerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(StepwiseMigrationInitializer.class).hasBean("myInitializer");
			assertThat(context.getBean(RecordingStrategy.class).migrated).isEmpty();
		});
	}

	@Test
	void prefersTheDataSourceMarkedStepwiseDataSource() {
		this.contextRunner.withUserConfiguration(StepwiseDataSourceConfiguration.class).run((context) -> {
			DataSource stepwiseDataSource = context.getBean("migrationDataSource", DataSource.class);
			assertThat(context.getBean(Stepwise.class).configuration().dataSource()).isSameAs(stepwiseDataSource);
		});
	}

	@Test
	void prefersStepwiseUrlOverAnyDataSource() {
		this.contextRunner
			.withPropertyValues("stepwise.url=jdbc:h2:mem:stepwise_url_test", "stepwise.user=sa", "stepwise.password=")
			.run((context) -> {
				DataSource dataSource = context.getBean(Stepwise.class).configuration().dataSource();
				assertThat(dataSource).isNotSameAs(context.getBean(DataSource.class));
				assertThat(dataSource.getConnection().getMetaData().getURL()).isEqualTo("jdbc:h2:mem:stepwise_url_test");
			});
	}

	@Test
	void stepwiseUrlIsEnoughWithoutADataSourceBean() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class))
			.withUserConfiguration(RecordingStrategyConfiguration.class)
			.withPropertyValues("stepwise.url=jdbc:h2:mem:stepwise_url_only")
			.run((context) -> assertThat(context).hasSingleBean(Stepwise.class));
	}

	@Test
	void failsWithAClearMessageWhenSeveralDataSourcesHaveNoPrimary() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("several DataSource beans and none is @Primary")
				.hasMessageContaining("@StepwiseDataSource"));
	}

	@Test
	void usesThePrimaryOfSeveralDataSources() {
		this.contextRunner.withUserConfiguration(PrimaryDataSourceConfiguration.class)
			.run((context) -> assertThat(context.getBean(Stepwise.class).configuration().dataSource())
				.isSameAs(context.getBean("firstDataSource")));
	}

	@Test
	void mapsEveryProperty() {
		this.contextRunner.withPropertyValues("stepwise.locations=classpath:db/a,filesystem:/tmp/b",
				"stepwise.table=my_history", "stepwise.schema=PUBLIC", "stepwise.placeholders.owner=alice",
				"stepwise.placeholder-replacement=false", "stepwise.out-of-order=true",
				"stepwise.validate-on-migrate=false", "stepwise.ignore-future-migrations=false",
				"stepwise.baseline-on-migrate=true",
				"stepwise.baseline-version=2.1", "stepwise.lock-wait-timeout=5s", "stepwise.ddl-lock-timeout=300ms",
				"stepwise.ddl-retries=9", "stepwise.ddl-retry-backoff=1s", "stepwise.instance-staleness=5m",
				"stepwise.installed-by=deployer",
				"stepwise.encoding=ISO-8859-1")
			.run((context) -> {
				StepwiseConfiguration configuration = context.getBean(Stepwise.class).configuration();
				assertThat(configuration.locations()).containsExactly("classpath:db/a", "filesystem:/tmp/b");
				assertThat(configuration.table()).isEqualTo("my_history");
				assertThat(configuration.schema()).isEqualTo("PUBLIC");
				assertThat(configuration.placeholders()).containsEntry("owner", "alice").hasSize(1);
				assertThat(configuration.placeholderReplacement()).isFalse();
				assertThat(configuration.outOfOrder()).isTrue();
				assertThat(configuration.validateOnMigrate()).isFalse();
				assertThat(configuration.ignoreFutureMigrations()).isFalse();
				assertThat(configuration.baselineOnMigrate()).isTrue();
				assertThat(configuration.baselineVersion()).isEqualTo("2.1");
				assertThat(configuration.lockWaitTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(configuration.ddlLockTimeout()).isEqualTo(Duration.ofMillis(300));
				assertThat(configuration.ddlRetries()).isEqualTo(9);
				assertThat(configuration.ddlRetryBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(configuration.instanceStaleness()).isEqualTo(Duration.ofMinutes(5));
				assertThat(configuration.installedBy()).isEqualTo("deployer");
				assertThat(configuration.encoding().name()).isEqualTo("ISO-8859-1");
			});
	}

	@Test
	void reportsAnInvalidPropertyAtStartUp() {
		this.contextRunner.withPropertyValues("stepwise.table=my-history")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("table must be a plain identifier")
				.hasMessageContaining("was 'my-history'"));
	}

	@Test
	void usesTheApplicationClassLoader() {
		this.contextRunner.run((context) -> assertThat(context.getBean(Stepwise.class).configuration().classLoader())
			.isSameAs(context.getClassLoader()));
	}

	@Test
	void givesJavaMigrationBeansListenersAndCustomizersToTheEngine() {
		this.contextRunner.withUserConfiguration(HooksConfiguration.class).run((context) -> {
			StepwiseConfiguration configuration = context.getBean(Stepwise.class).configuration();
			assertThat(configuration.javaMigrations()).containsExactly(context.getBean(JavaMigration.class));
			assertThat(configuration.listeners()).containsExactly(context.getBean(StepwiseListener.class));
			// Customizers run in order, after the properties: the last one wins.
			assertThat(configuration.table()).isEqualTo("second_customizer");
		});
	}

	@Test
	void makesJdbcTemplateWaitForTheMigrations() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.run((context) -> assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
				.contains("stepwiseMigrationInitializer"));
	}

	static class RecordingStrategy implements StepwiseMigrationStrategy {

		final List<Stepwise> migrated = new ArrayList<>();

		@Override
		public void migrate(Stepwise stepwise) {
			this.migrated.add(stepwise);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingStrategyConfiguration {

		@Bean
		RecordingStrategy recordingStrategy() {
			return new RecordingStrategy();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEngineConfiguration {

		@Bean
		Stepwise myStepwise(DataSource dataSource) {
			return Stepwise.configure().dataSource(dataSource).table("user_history").load();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoEnginesConfiguration {

		@Bean
		Stepwise ordersStepwise() {
			return Stepwise.configure().dataSource(h2("orders")).locations("classpath:db/orders").load();
		}

		@Bean
		Stepwise customersStepwise() {
			return Stepwise.configure().dataSource(h2("customers")).locations("classpath:db/customers").load();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserInitializerConfiguration {

		@Bean
		StepwiseMigrationInitializer myInitializer() {
			return new StepwiseMigrationInitializer(java.util.Map.of(), (stepwise) -> {
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StepwiseDataSourceConfiguration {

		@Bean
		@Primary
		DataSource applicationDataSource() {
			return h2("application");
		}

		@Bean
		@StepwiseDataSource
		DataSource migrationDataSource() {
			return h2("migration");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		DataSource firstDataSource() {
			return h2("first");
		}

		@Bean
		DataSource secondDataSource() {
			return h2("second");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryDataSourceConfiguration {

		@Bean
		@Primary
		DataSource firstDataSource() {
			return h2("first");
		}

		@Bean
		DataSource secondDataSource() {
			return h2("second");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HooksConfiguration {

		@Bean
		JavaMigration seedMigration() {
			return new JavaMigration() {

				@Override
				public MigrationVersion version() {
					return MigrationVersion.parse("9");
				}

				@Override
				public String description() {
					return "Seed";
				}

				@Override
				public void up(MigrationContext context) {
				}

			};
		}

		@Bean
		StepwiseListener listener() {
			return new StepwiseListener() {
			};
		}

		@Bean
		@Order(2)
		StepwiseConfigurationCustomizer secondCustomizer() {
			return (configuration) -> configuration.table("second_customizer");
		}

		@Bean
		@Order(1)
		StepwiseConfigurationCustomizer firstCustomizer() {
			return (configuration) -> configuration.table("first_customizer");
		}

	}

	static DataSource h2(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + name + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

}
