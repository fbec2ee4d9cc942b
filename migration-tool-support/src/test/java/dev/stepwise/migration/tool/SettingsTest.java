package dev.stepwise.migration.tool;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.FlywayAdoption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where each setting comes from: a file (a Spring Boot application.yml with profiles
 * included), the environment, flags.
 */
class SettingsTest {

	private static final ToolWording WORDING = new ToolWording("the tool", "Check the file.", "Add a driver.",
			"Build first.", "Add a dependency.", IllegalArgumentException::new);

	@Test
	void flagsOverrideTheEnvironmentWhichOverridesTheFile() {
		Settings settings = Settings.of(Map.of("stepwise.url", "jdbc:file", "stepwise.table", "file_history",
				"stepwise.lockWaitTimeout", "5s"), Map.of("STEPWISE_URL", "jdbc:env", "STEPWISE_LOCK_WAIT_TIMEOUT", "7s"),
				Map.of("url", "jdbc:flag"), WORDING);
		assertThat(settings.get("url")).isEqualTo("jdbc:flag");
		assertThat(settings.get("lock-wait-timeout")).isEqualTo("7s");
		assertThat(settings.get("table")).isEqualTo("file_history");
	}

	@Test
	void springDatasourceServesWhenStepwiseHasNoDatabaseOfItsOwn() {
		Map<String, String> file = Map.of("spring.datasource.url", "jdbc:app", "spring.datasource.username", "app",
				"spring.datasource.password", "${DB_PASSWORD}");
		Settings settings = Settings.of(file, Map.of("DB_PASSWORD", "secret"), Map.of(), WORDING);
		assertThat(settings.get("url")).isEqualTo("jdbc:app");
		assertThat(settings.get("user")).isEqualTo("app");
		assertThat(settings.get("password")).isEqualTo("secret");

		Settings own = Settings.of(Map.of("spring.datasource.url", "jdbc:app", "stepwise.url", "jdbc:ddl"), Map.of(),
				Map.of(), WORDING);
		assertThat(own.get("url")).isEqualTo("jdbc:ddl");
	}

	@Test
	void aMissingReferenceNamesItselfAndTheFix() {
		assertThatThrownBy(() -> Settings.of(Map.of("stepwise.url", "${NOPE}"), Map.of(), Map.of(), WORDING))
			.hasMessageContaining("${NOPE}")
			.hasMessageContaining("${NOPE:value}");
		assertThat(Settings.of(Map.of("stepwise.url", "${NOPE:jdbc:h2:mem:x}"), Map.of(), Map.of(), WORDING).get("url"))
			.isEqualTo("jdbc:h2:mem:x");
	}

	@Test
	void placeholdersKeepTheirNamesFromEverySource() {
		Settings settings = Settings.of(Map.of("stepwise.placeholders.appOwner", "file"),
				Map.of("STEPWISE_PLACEHOLDERS_REGION", "eu"), Map.of("placeholders.tier", "gold"), WORDING);
		assertThat(settings.under(Settings.PLACEHOLDERS)).containsOnly(Map.entry("appOwner", "file"),
				Map.entry("region", "eu"), Map.entry("tier", "gold"));
	}

	@Test
	void durationsInSpringBootsForms() {
		assertThat(EngineSettings.duration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(EngineSettings.duration("10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(EngineSettings.duration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(EngineSettings.duration("PT1H")).isEqualTo(Duration.ofHours(1));
		assertThat(EngineSettings.duration("250")).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void everySettingReachesTheEngineUnderItsName() {
		Settings settings = Settings.of(Map.of("stepwise.target", "2", "stepwise.encoding", "ISO-8859-1",
				"stepwise.backfillWorkers", "3", "stepwise.instance-staleness", "5m", "stepwise.flyway-adoption", "off",
				"stepwise.connect-retries", "2", "stepwise.placeholders.owner", "ann"), Map.of(), Map.of(), WORDING);
		StepwiseConfiguration configuration = new EngineSettings(WORDING)
			.applyTo(settings, Stepwise.configure().dataSource("jdbc:h2:mem:settings", null, null))
			.build();
		assertThat(configuration.target()).hasToString("2");
		assertThat(configuration.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
		assertThat(configuration.backfillWorkers()).isEqualTo(3);
		assertThat(configuration.instanceStaleness()).isEqualTo(Duration.ofMinutes(5));
		assertThat(configuration.flywayAdoption()).isEqualTo(FlywayAdoption.OFF);
		assertThat(configuration.connectRetries()).isEqualTo(2);
		assertThat(configuration.placeholders()).containsEntry("owner", "ann");
	}

	@Test
	void aBadValueNamesTheSettingAndWhatIsExpected() {
		EngineSettings engineSettings = new EngineSettings(WORDING);
		assertThatThrownBy(() -> engineSettings.applyTo(
				Settings.of(Map.of(), Map.of(), Map.of("lock-wait-timeout", "soon"), WORDING), Stepwise.configure()))
			.hasMessage("Bad value for lock-wait-timeout: a duration such as 500ms, 10s, 2m or PT1M is expected,"
					+ " got 'soon'");
		assertThatThrownBy(() -> engineSettings.applyTo(
				Settings.of(Map.of(), Map.of(), Map.of("out-of-order", "yes"), WORDING), Stepwise.configure()))
			.hasMessage("Bad value for out-of-order: true or false is expected, got 'yes'");
		assertThatThrownBy(() -> engineSettings.applyTo(
				Settings.of(Map.of(), Map.of(), Map.of("backfill-workers", "many"), WORDING), Stepwise.configure()))
			.hasMessage("Bad value for backfill-workers: a whole number is expected, got 'many'");
	}

	@Test
	void aMisspeltSettingIsRefusedWithTheKnownNames() {
		EngineSettings engineSettings = new EngineSettings(WORDING);
		engineSettings.requireKnown(java.util.List.of("lockWaitTimeout", "stepwise.target", "placeholders.x"), "--set");
		assertThatThrownBy(() -> engineSettings.requireKnown(java.util.List.of("lock-wait-timout"), "--set"))
			.hasMessageStartingWith("Unknown setting 'lock-wait-timout' in --set; the settings are ")
			.hasMessageContaining("lock-wait-timeout");
	}

}
