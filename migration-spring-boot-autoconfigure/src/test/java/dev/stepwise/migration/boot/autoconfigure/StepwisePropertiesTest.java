package dev.stepwise.migration.boot.autoconfigure;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties start from the engine's defaults, and cover every engine option.
 */
class StepwisePropertiesTest {

	/**
	 * Options that Spring supplies rather than the user: the database (the DataSource or
	 * stepwise.url), beans (Java migrations, listeners), the application's class loader and
	 * Spring's resource resolver as the script source; and the heartbeat interval, which is
	 * stepwise.instance-registry.heartbeat-interval, with the registrar's other settings.
	 */
	private static final Set<String> SUPPLIED_BY_SPRING = Set.of("dataSource", "javaMigrations", "listeners",
			"classLoader", "scriptSource", "heartbeatInterval");

	private final StepwiseProperties properties = new StepwiseProperties();

	private final StepwiseConfiguration engineDefaults = Stepwise.configure().dataSource(new JdbcDataSource()).build();

	@Test
	void everyDefaultIsTheEngineDefault() {
		assertThat(this.properties.getLocations()).isEqualTo(this.engineDefaults.locations());
		assertThat(this.properties.getTable()).isEqualTo(this.engineDefaults.table());
		assertThat(this.properties.getSchema()).isEqualTo(this.engineDefaults.schema());
		assertThat(this.properties.getPlaceholders()).isEqualTo(this.engineDefaults.placeholders());
		assertThat(this.properties.isPlaceholderReplacement()).isEqualTo(this.engineDefaults.placeholderReplacement());
		assertThat(this.properties.isOutOfOrder()).isEqualTo(this.engineDefaults.outOfOrder());
		assertThat(this.properties.isValidateOnMigrate()).isEqualTo(this.engineDefaults.validateOnMigrate());
		assertThat(this.properties.isIgnoreFutureMigrations()).isEqualTo(this.engineDefaults.ignoreFutureMigrations());
		assertThat(this.properties.isBaselineOnMigrate()).isEqualTo(this.engineDefaults.baselineOnMigrate());
		assertThat(this.properties.isFailOnEmptyMigrations()).isEqualTo(this.engineDefaults.failOnEmptyMigrations());
		assertThat(this.properties.getBaselineVersion()).isEqualTo(this.engineDefaults.baselineVersion());
		assertThat(this.properties.getLockWaitTimeout()).isEqualTo(this.engineDefaults.lockWaitTimeout());
		assertThat(this.properties.getDdlLockTimeout()).isEqualTo(this.engineDefaults.ddlLockTimeout());
		assertThat(this.properties.getDdlRetries()).isEqualTo(this.engineDefaults.ddlRetries());
		assertThat(this.properties.getDdlRetryBackoff()).isEqualTo(this.engineDefaults.ddlRetryBackoff());
		assertThat(this.properties.getInstanceStaleness()).isEqualTo(this.engineDefaults.instanceStaleness());
		assertThat(this.properties.getBackfillWorkers()).isEqualTo(this.engineDefaults.backfillWorkers());
		assertThat(this.properties.getInstanceRegistry().getHeartbeatInterval())
			.isEqualTo(this.engineDefaults.heartbeatInterval());
		assertThat(this.properties.getInstalledBy()).isEqualTo(this.engineDefaults.installedBy());
		assertThat(this.properties.getEncoding()).isEqualTo(this.engineDefaults.encoding());
		assertThat(this.properties.getFlywayAdoption()).isEqualTo(this.engineDefaults.flywayAdoption());
		assertThat(this.properties.getFlywayTable()).isEqualTo(this.engineDefaults.flywayTable());
		assertThat(this.properties.getTarget()).isEqualTo(this.engineDefaults.target());
		assertThat(this.properties.getConnectRetries()).isEqualTo(this.engineDefaults.connectRetries());
		assertThat(this.properties.getConnectRetriesInterval()).isEqualTo(this.engineDefaults.connectRetriesInterval());
		assertThat(this.properties.getInitSqls()).isEqualTo(this.engineDefaults.initSqls());
		assertThat(this.properties.getPlaceholderPrefix()).isEqualTo(this.engineDefaults.placeholderPrefix());
		assertThat(this.properties.getPlaceholderSuffix()).isEqualTo(this.engineDefaults.placeholderSuffix());
		assertThat(this.properties.isFailOnMissingLocations()).isEqualTo(this.engineDefaults.failOnMissingLocations());
		assertThat(this.properties.isValidateMigrationNaming()).isEqualTo(this.engineDefaults.validateMigrationNaming());
		assertThat(this.properties.getDefaultSchema()).isEqualTo(this.engineDefaults.defaultSchema());
		assertThat(this.properties.isCreateSchemas()).isEqualTo(this.engineDefaults.createSchemas());
		assertThat(this.properties.getSchemas()).isEqualTo(this.engineDefaults.schemas());
		assertThat(this.properties.isGroup()).isEqualTo(this.engineDefaults.group());
		assertThat(this.properties.isMixed()).isEqualTo(this.engineDefaults.mixed());
	}

	@Test
	void everyEngineOptionWithAPropertyStartsFromTheEngineDefault() throws Exception {
		// The list above, read by reflection: an option added later cannot be forgotten here.
		Map<String, PropertyDescriptor> properties = Arrays
			.stream(Introspector.getBeanInfo(StepwiseProperties.class, Object.class).getPropertyDescriptors())
			.collect(Collectors.toMap(PropertyDescriptor::getName, (descriptor) -> descriptor));
		List<String> compared = new ArrayList<>();
		for (Method option : engineOptions(Set.of())) {
			PropertyDescriptor property = properties.get(option.getName());
			if (property == null) {
				continue;
			}
			Object engineDefault = option.invoke(this.engineDefaults);
			Object propertyDefault = property.getReadMethod().invoke(this.properties);
			// The target is text in the properties ("latest" or a version), a version in the engine.
			Object expected = (engineDefault instanceof MigrationVersion version) ? version.toString() : engineDefault;
			assertThat(propertyDefault).as("default of stepwise.%s", option.getName()).isEqualTo(expected);
			compared.add(option.getName());
		}
		assertThat(this.properties.getInstanceRegistry().getHeartbeatInterval())
			.isEqualTo(this.engineDefaults.heartbeatInterval());
		assertThat(compared).contains("backfillWorkers", "target", "encoding", "locations", "placeholders")
			.hasSize(engineOptions(SUPPLIED_BY_SPRING).size());
	}

	@Test
	void defaultsOfTheBootOnlyPropertiesAreSafe() {
		assertThat(this.properties.isEnabled()).isTrue();
		assertThat(this.properties.getRollback().isEnabled()).isFalse();
		assertThat(this.properties.getUrl()).isNull();
		assertThat(this.properties.getUser()).isNull();
		assertThat(this.properties.getPassword()).isNull();
		assertThat(this.properties.getStartup()).isEqualTo(StepwiseProperties.Startup.MIGRATE);
		assertThat(this.properties.getInstanceRegistry().isEnabled()).isTrue();
		assertThat(this.properties.getBackgroundBackfills().isEnabled()).isTrue();
		assertThat(this.properties.getBackgroundBackfills().getCheckInterval()).isEqualTo(Duration.ofMinutes(1));
		// Four heartbeats fit in the default staleness: one lost beat never makes a live instance look gone.
		assertThat(this.properties.getInstanceRegistry().getHeartbeatInterval()).isEqualTo(Duration.ofSeconds(30))
			.isLessThan(this.properties.getInstanceStaleness().dividedBy(3));
	}

	@Test
	void everyEngineOptionHasAProperty() throws Exception {
		Set<String> engineOptions = engineOptions(SUPPLIED_BY_SPRING).stream()
			.map(Method::getName)
			.collect(Collectors.toSet());
		Set<String> properties = Arrays
			.stream(Introspector.getBeanInfo(StepwiseProperties.class, Object.class).getPropertyDescriptors())
			.map(PropertyDescriptor::getName)
			.collect(Collectors.toSet());
		assertThat(properties).containsAll(engineOptions);
		assertThat(engineOptions).contains("locations", "table", "ddlRetries", "encoding");
	}

	/** The engine's options: its configuration's public accessors, less those named. */
	private static List<Method> engineOptions(Set<String> leftOut) {
		return Arrays.stream(StepwiseConfiguration.class.getDeclaredMethods())
			.filter((method) -> method.getParameterCount() == 0 && Modifier.isPublic(method.getModifiers())
					&& !Modifier.isStatic(method.getModifiers()))
			.filter((method) -> !leftOut.contains(method.getName()))
			.toList();
	}

}
