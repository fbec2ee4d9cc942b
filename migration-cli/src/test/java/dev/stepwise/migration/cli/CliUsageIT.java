package dev.stepwise.migration.cli;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes the command line catches before it reaches any database: once, not per database.
 */
class CliUsageIT {

	@TempDir
	Path project;

	@Test
	void unknownCommandIsBadUsage() {
		CliProcess.Result result = CliProcess.run(this.project, Map.of(), "migrat");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.errorLines()).singleElement().asString().contains("Unknown command 'migrat'", "migrate");
	}

	@Test
	void targetAndCountTogetherAreBadUsage() {
		CliProcess.Result result = CliProcess.run(this.project, Map.of(), "rollback", "--url", "jdbc:h2:mem:x",
				"--target", "1", "--count", "1");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.errorLines()).singleElement().asString().contains("mutually exclusive");
	}

	@Test
	void rollbackWithoutTargetOrCountIsBadUsage() {
		CliProcess.Result result = CliProcess.run(this.project, Map.of(), "rollback", "--url", "jdbc:h2:mem:x");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.errorLines()).singleElement().asString().contains("--target VERSION or --count N");
	}

	@Test
	void aMisspeltSettingIsBadUsageNamingTheRightOnes() {
		CliProcess.Result result = CliProcess.run(this.project, Map.of(), "info", "--url", "jdbc:h2:mem:x", "--set",
				"lock-wait-timout=5s");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.errorLines()).singleElement()
			.asString()
			.contains("Unknown setting 'lock-wait-timout' in --set", "lock-wait-timeout");
	}

	@Test
	void aTargetThatIsNoVersionIsBadUsage() {
		CliProcess.Result result = CliProcess.run(this.project, Map.of(), "migrate", "--url", "jdbc:h2:mem:x",
				"--target", "two");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.errorLines()).singleElement().asString().contains("Bad value for target");
	}

	@Test
	void aUrlNoDriverTakesIsBadUsage() {
		CliProcess.Result result = CliProcess.run(this.project, Map.of(), "info", "--url", "jdbc:nosuchdb://here");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.errorLines()).singleElement().asString().contains("No JDBC driver", "--driver-path");
	}

	@Test
	void noDatabaseAtAllIsBadUsage() {
		CliProcess.Result result = CliProcess.run(this.project, Map.of(), "info");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.errorLines()).singleElement().asString().contains("--url", "STEPWISE_URL");
	}

	@Test
	void theDistributionHasTheLauncherAndTheJar() throws Exception {
		Path zip = Path.of(System.getProperty("stepwise.cli.distribution"));
		try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
			assertThat(file.stream().map(java.util.zip.ZipEntry::getName))
				.contains("stepwise-0.1.0-SNAPSHOT/bin/stepwise", "stepwise-0.1.0-SNAPSHOT/lib/stepwise.jar");
		}
	}

}
