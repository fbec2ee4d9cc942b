package dev.stepwise.migration.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes the command line catches before it reaches any database, and the distribution's launcher:
 * once, not per database.
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
	void theLauncherWritesAClassArchiveOnceAndKeepsStandardOutputTheResult() throws Exception {
		Path home = unpackDistribution();
		Path lib = home.resolve("lib");
		String[] info = { "info", "--json", "--url", "jdbc:h2:mem:launcher" };

		CliProcess.Result first = launch(home, Map.of(), info);
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(new ObjectMapper().readTree(first.out()).get("pending").asInt())
			.isZero();
		List<Path> archives = archives(lib);
		assertThat(archives).singleElement();
		FileTime written = Files.getLastModifiedTime(archives.get(0));

		CliProcess.Result second = launch(home, Map.of(), info);
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).isEqualTo(first.out());
		assertThat(archives(lib)).containsExactlyElementsOf(archives);
		assertThat(Files.getLastModifiedTime(archives.get(0))).isEqualTo(written);

		// A newer jar (an upgrade in place) makes the next run write the archive again.
		Files.setLastModifiedTime(lib.resolve("stepwise.jar"),
				FileTime.fromMillis(written.toMillis() + 60_000));
		CliProcess.Result upgraded = launch(home, Map.of(), info);
		assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
		assertThat(upgraded.out()).isEqualTo(first.out());
		assertThat(Files.getLastModifiedTime(archives.get(0))).isNotEqualTo(written);
	}

	@Test
	void everyClassOfTheJarCanGoIntoTheClassArchive() throws Exception {
		// JDK 17 leaves class files older than Java 6 (major version 50) out of an AppCDS
		// archive: picocli's Java 5 ones are rewritten at build time (src/build).
		List<String> tooOld = new ArrayList<>();
		try (ZipFile jar = new ZipFile(CliProcess.jar().toFile())) {
			for (ZipEntry entry : Collections.list(jar.entries())) {
				if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
					continue;
				}
				try (InputStream in = jar.getInputStream(entry)) {
					byte[] header = in.readNBytes(8);
					int major = ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
					if (major < 50) {
						tooOld.add(entry.getName() + " (" + major + ")");
					}
				}
			}
		}
		assertThat(tooOld).isEmpty();
	}

	@Test
	void theLauncherWritesNoArchiveWhenTurnedOff() throws Exception {
		Path home = unpackDistribution();
		CliProcess.Result result = launch(home, Map.of("STEPWISE_CDS", "false"), "info", "--url", "jdbc:h2:mem:off");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(archives(home.resolve("lib"))).isEmpty();
	}

	private Path unpackDistribution() throws IOException {
		Path zip = Path.of(System.getProperty("stepwise.cli.distribution"));
		Path home = null;
		try (ZipFile file = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : Collections.list(file.entries())) {
				Path target = this.project.resolve(entry.getName()).normalize();
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = file.getInputStream(entry)) {
					Files.copy(in, target);
				}
				if (entry.getName().endsWith("bin/stepwise")) {
					home = target.getParent().getParent();
				}
			}
		}
		assertThat(home).as("bin/stepwise in " + zip).isNotNull();
		return home;
	}

	private CliProcess.Result launch(Path home, Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/stepwise").toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.project.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("STEPWISE_"));
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(environment);
		Path out = this.project.resolve("launcher-out.txt");
		Path err = this.project.resolve("launcher-err.txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		// A bound on a hung process, not a timed assertion.
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
		return new CliProcess.Result(process.exitValue(), Files.readString(out),
				Files.readString(err), String.join(" ", args));
	}

	private static List<Path> archives(Path lib) throws IOException {
		try (Stream<Path> files = Files.list(lib)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jsa")).sorted().toList();
		}
	}

	@Test
	void theDistributionHasTheLauncherAndTheJar() throws Exception {
		Path zip = Path.of(System.getProperty("stepwise.cli.distribution"));
		try (ZipFile file = new ZipFile(zip.toFile())) {
			assertThat(file.stream().map(ZipEntry::getName))
				.contains("stepwise-0.1.0-SNAPSHOT/bin/stepwise", "stepwise-0.1.0-SNAPSHOT/lib/stepwise.jar");
		}
	}

}
