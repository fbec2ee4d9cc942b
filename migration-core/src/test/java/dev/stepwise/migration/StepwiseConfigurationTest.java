package dev.stepwise.migration;

import java.time.Duration;
import java.util.List;

import dev.stepwise.migration.api.FlywayAdoption;
import dev.stepwise.migration.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Every setting is checked once, by its setter or, for the rules between settings, when the
 * configuration is built, with a message that names the setting, the rule and the value.
 */
class StepwiseConfigurationTest {

	private StepwiseConfiguration.Builder configure() {
		return Stepwise.configure().dataSource("jdbc:h2:mem:configuration", "sa", "");
	}

	@Test
	void refusesTooFewBackfillWorkers() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().backfillWorkers(0))
			.withMessage("backfillWorkers must be at least 1, was 0");
		assertThat(configure().backfillWorkers(1).build().backfillWorkers()).isEqualTo(1);
	}

	@Test
	void refusesNegativeCounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().ddlRetries(-1))
			.withMessage("ddlRetries must be at least 0, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().connectRetries(-2))
			.withMessage("connectRetries must be at least 0, was -2");
		assertThat(configure().ddlRetries(0).connectRetries(0).build().ddlRetries()).isZero();
	}

	@Test
	void refusesNegativeDurations() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().lockWaitTimeout(Duration.ofSeconds(-1)))
			.withMessage("lockWaitTimeout must not be negative, was PT-1S");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().ddlRetryBackoff(Duration.ofMillis(-5)))
			.withMessage("ddlRetryBackoff must not be negative, was PT-0.005S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> configure().connectRetriesInterval(Duration.ofMinutes(-1)))
			.withMessage("connectRetriesInterval must not be negative, was PT-1M");
		// Zero is a meaning of its own for these: do not wait, retry at once.
		assertThatNoException().isThrownBy(() -> configure().lockWaitTimeout(Duration.ZERO)
			.ddlRetryBackoff(Duration.ZERO)
			.connectRetriesInterval(Duration.ZERO)
			.build());
	}

	@Test
	void refusesZeroWhereZeroWouldMeanNoLimitOrNoTime() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().ddlLockTimeout(Duration.ZERO))
			.withMessageStartingWith("ddlLockTimeout must be positive, was PT0S: ")
			.withMessageContaining("'wait forever' on PostgreSQL");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().heartbeatInterval(Duration.ZERO))
			.withMessage("heartbeatInterval must be positive, was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().instanceStaleness(Duration.ZERO))
			.withMessageStartingWith("instanceStaleness must be positive, was PT0S: ");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().instanceStaleness(Duration.ofSeconds(-1)))
			.withMessage("instanceStaleness must not be negative, was PT-1S");
	}

	@Test
	void refusesANullDuration() {
		assertThatNullPointerException()
			.isThrownBy(() -> configure().lockWaitTimeout(null))
			.withMessage("lockWaitTimeout must not be null");
	}

	@Test
	void refusesNamesThatAreNotPlainIdentifiers() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().table("my-history"))
			.withMessage("table must be a plain identifier (a letter or underscore, then letters, digits, underscores"
					+ " or $), was 'my-history'");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().schema("1st"))
			.withMessageStartingWith("schema must be a plain identifier");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().defaultSchema("app schema"))
			.withMessageStartingWith("defaultSchema must be a plain identifier")
			.withMessageEndingWith("was 'app schema'");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().flywayTable("flyway.history"))
			.withMessageStartingWith("flywayTable must be a plain identifier");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().table(" "))
			.withMessage("table must not be empty, was ' '");
	}

	@Test
	void refusesNamesLongerThanPostgresKeeps() {
		String name = "t".repeat(64);
		assertThatIllegalArgumentException().isThrownBy(() -> configure().table(name))
			.withMessage("table must be at most 63 characters, was 64: '" + name + "'");
		assertThat(configure().table("t".repeat(63)).build().table()).hasSize(63);
	}

	@Test
	void refusesAnEmptyOrTooLongInstaller() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().installedBy(""))
			.withMessage("installedBy must not be empty, was ''");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().installedBy("x".repeat(101)))
			.withMessage("installedBy must be at most 100 characters (the history's installed_by column), was 101");
		assertThat(configure().installedBy(null).build().installedBy()).isNull();
		assertThat(configure().installedBy("deployer").build().installedBy()).isEqualTo("deployer");
	}

	@Test
	void refusesABaselineVersionThatIsNotAVersion() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().baselineVersion("one"))
			.withMessage("baselineVersion must be a migration version such as 1, 1.1 or 2026.11.28.1, was 'one'");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().baselineVersion(""))
			.withMessage("baselineVersion must not be empty, was ''");
		assertThat(configure().baselineVersion("2.1").build().baselineVersion()).isEqualTo("2.1");
	}

	@Test
	void refusesATargetThatIsNotAVersion() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().target("newest"))
			.withMessage("target must be a migration version such as 1, 1.1 or 2026.11.28.1, or latest, was 'newest'");
		assertThat(configure().target("3").build().target()).isEqualTo(MigrationVersion.parse("3"));
		assertThat(configure().target("LATEST").build().target()).isNull();
		assertThat(configure().target(null).build().target()).isNull();
	}

	@Test
	void refusesEmptyTexts() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().placeholderPrefix(""))
			.withMessage("placeholderPrefix must not be empty, was ''");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().placeholderSuffix(" "))
			.withMessage("placeholderSuffix must not be empty, was ' '");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().locations("classpath:db", ""))
			.withMessage("locations must not be empty, was ''");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().initSqls(List.of("SET x = 1", " ")))
			.withMessage("initSqls must not be empty, was ' '");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().placeholder("", "value"))
			.withMessage("placeholder name must not be empty, was ''");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Stepwise.configure().dataSource("", "sa", "secret"))
			.withMessage("url must not be empty, was ''");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Stepwise.configure().dataSource(new org.h2.Driver(), " ", "sa", "secret"))
			.withMessage("url must not be empty, was ' '");
	}

	@Test
	void refusesANullDriver() {
		assertThatNullPointerException()
			.isThrownBy(() -> Stepwise.configure().dataSource(null, "jdbc:h2:mem:configuration", "sa", ""))
			.withMessage("driver must not be null");
	}

	@Test
	void refusesAHeartbeatIntervalAtOrAboveTheInstanceStaleness() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> configure().heartbeatInterval(Duration.ofMinutes(3)).build())
			.withMessageStartingWith("heartbeatInterval must be below instanceStaleness, was PT3M against PT2M: ")
			.withMessageContaining("every live instance would count as gone")
			.withMessageEndingWith("(Spring Boot: stepwise.instance-registry.heartbeat-interval and"
					+ " stepwise.instance-staleness).");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> configure().instanceStaleness(Duration.ofSeconds(30)).build())
			.withMessageStartingWith("heartbeatInterval must be below instanceStaleness, was PT30S against PT30S");
	}

	@Test
	void acceptsAHeartbeatIntervalBelowTheStalenessWhicheverIsSetFirst() {
		StepwiseConfiguration configuration = configure().heartbeatInterval(Duration.ofMinutes(3))
			.instanceStaleness(Duration.ofMinutes(10))
			.build();
		assertThat(configuration.heartbeatInterval()).isEqualTo(Duration.ofMinutes(3));
		assertThat(configuration.instanceStaleness()).isEqualTo(Duration.ofMinutes(10));
		assertThat(configure().build().heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void refusesAFlywayTableThatIsTheHistoryTableWhileAdopting() {
		assertThatIllegalArgumentException().isThrownBy(() -> configure().flywayTable("STEPWISE_HISTORY").build())
			.withMessage("flywayTable must differ from table while flywayAdoption is AUTO, was 'STEPWISE_HISTORY' for"
					+ " both: Stepwise would read its own history as Flyway's. Name Flyway's history table, or set"
					+ " flywayAdoption to OFF.");
		assertThatIllegalArgumentException().isThrownBy(() -> configure().table("history").flywayTable("history").build())
			.withMessageStartingWith("flywayTable must differ from table");
		assertThatNoException().isThrownBy(() -> configure().table("history")
			.flywayTable("history")
			.flywayAdoption(FlywayAdoption.OFF)
			.build());
	}

	@Test
	void theDefaultsPassEveryRule() {
		StepwiseConfiguration defaults = configure().build();
		assertThat(defaults.backfillWorkers()).isEqualTo(2);
		assertThat(defaults.heartbeatInterval()).isLessThan(defaults.instanceStaleness());
		assertThat(defaults.flywayTable()).isNotEqualToIgnoringCase(defaults.table());
	}

}
