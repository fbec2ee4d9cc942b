package dev.stepwise.migration.cli;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where each setting comes from: a file (a Spring Boot application.yml with profiles
 * included), the environment, flags.
 */
class SettingsTests {

	@Test
	void flagsOverrideTheEnvironmentWhichOverridesTheFile() {
		Settings settings = Settings.of(Map.of("stepwise.url", "jdbc:file", "stepwise.table", "file_history",
				"stepwise.lockWaitTimeout", "5s"), Map.of("STEPWISE_URL", "jdbc:env", "STEPWISE_LOCK_WAIT_TIMEOUT", "7s"),
				Map.of("url", "jdbc:flag"));
		assertThat(settings.get("url")).isEqualTo("jdbc:flag");
		assertThat(settings.get("lock-wait-timeout")).isEqualTo("7s");
		assertThat(settings.get("table")).isEqualTo("file_history");
	}

	@Test
	void springDatasourceServesWhenStepwiseHasNoDatabaseOfItsOwn() {
		Map<String, String> file = Map.of("spring.datasource.url", "jdbc:app", "spring.datasource.username", "app",
				"spring.datasource.password", "${DB_PASSWORD}");
		Settings settings = Settings.of(file, Map.of("DB_PASSWORD", "secret"), Map.of());
		assertThat(settings.get("url")).isEqualTo("jdbc:app");
		assertThat(settings.get("user")).isEqualTo("app");
		assertThat(settings.get("password")).isEqualTo("secret");

		Settings own = Settings.of(Map.of("spring.datasource.url", "jdbc:app", "stepwise.url", "jdbc:ddl"), Map.of(),
				Map.of());
		assertThat(own.get("url")).isEqualTo("jdbc:ddl");
	}

	@Test
	void aMissingReferenceNamesItselfAndTheFix() {
		assertThatThrownBy(() -> Settings.of(Map.of("stepwise.url", "${NOPE}"), Map.of(), Map.of()))
			.hasMessageContaining("${NOPE}")
			.hasMessageContaining("${NOPE:value}");
		assertThat(Settings.of(Map.of("stepwise.url", "${NOPE:jdbc:h2:mem:x}"), Map.of(), Map.of()).get("url"))
			.isEqualTo("jdbc:h2:mem:x");
	}

	@Test
	void placeholdersKeepTheirNamesFromEverySource() {
		Settings settings = Settings.of(Map.of("stepwise.placeholders.appOwner", "file"),
				Map.of("STEPWISE_PLACEHOLDERS_REGION", "eu"), Map.of("placeholders.tier", "gold"));
		assertThat(settings.under(Settings.PLACEHOLDERS)).containsOnly(Map.entry("appOwner", "file"),
				Map.entry("region", "eu"), Map.entry("tier", "gold"));
	}

	@Test
	void durationsInSpringBootsForms() {
		assertThat(EngineFactory.duration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(EngineFactory.duration("x", "10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(EngineFactory.duration("x", "2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(EngineFactory.duration("x", "PT1H")).isEqualTo(Duration.ofHours(1));
		assertThat(EngineFactory.duration("x", "250")).isEqualTo(Duration.ofMillis(250));
		assertThatThrownBy(() -> EngineFactory.duration("lock-wait-timeout", "soon"))
			.hasMessageContaining("lock-wait-timeout");
	}

	@Test
	void passwordsInUrlsAndMessagesAreMasked() {
		assertThat(Redaction.url("jdbc:postgresql://h/db?user=a&password=p4ss&ssl=true"))
			.isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
		assertThat(Redaction.message("login with p4ssw0rd failed", "p4ssw0rd")).isEqualTo("login with *** failed");
	}

}
