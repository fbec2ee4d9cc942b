package dev.stepwise.migration.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code benchmarks/run cli}: the time from launch to exit of a fresh JVM running
 * {@code stepwise info} and {@code stepwise migrate} (nothing pending, N applied) on
 * PostgreSQL through the distribution's launcher (and, for comparison, the bare jar),
 * against Flyway's API in a plain main doing the same on the same scripts, each tool with its
 * own database; alternating, medians, ratios.
 */
public final class CliBenchmark {

	private CliBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new Options(args);
		int migrations = options.integer("migrations", 1000);
		Rounds rounds = new Rounds(options.integer("warmups", 1), options.integer("rounds", 7), System.out);
		Path jar = Path.of(options.text("jar", "migration-cli/target/migration-cli.jar")).toAbsolutePath();
		String flywayClasspath = options.text("flyway-classpath", "benchmarks/target/classes:benchmarks/target/cli-classpath/flyway/*");
		PostgresServer server = PostgresServer.fromEnvironment();
		Path scripts = new MigrationScripts(migrations).writeTo(options.workDirectory("cli").resolve("sql"));
		String stepwiseDb = "stepwise_bench_cli_stepwise";
		String flywayDb = "stepwise_bench_cli_flyway";
		server.recreate(stepwiseDb);
		server.recreate(flywayDb);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// What ships: the distribution's launcher, with its JVM options and the AppCDS archive
		// that its first run (the set-up migrate below) writes. Flyway gets the same generic
		// options; its own launcher keeps no archive, so it has none here either.
		Path launcher = unpack(Path.of(options.text("distribution", "migration-cli/target/stepwise.zip")),
				options.workDirectory("cli").resolve("distribution"));
		List<String> jvm = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC",
				"-XX:-UsePerfData");
		List<String> stepwise = List.of("sh", launcher.toString());
		// The same jar without the archive, to show what the archive is worth.
		List<String> stepwiseJar = concat(jvm, List.of("-jar", jar.toString()));
		List<String> flyway = concat(jvm, List.of("-cp", flywayClasspath, FlywayCommand.class.getName()));
		List<String> stepwiseTarget = List.of("--url", server.url(stepwiseDb), "--locations", "filesystem:" + scripts);
		try {
			run(concat(stepwise, concat(List.of("migrate"), stepwiseTarget)));
			run(concat(flyway, List.of("migrate", server.url(flywayDb), scripts.toString())));
			Map<String, List<Double>> times = rounds.alternate(List.of(
					new Rounds.Contender("sw_info", () -> run(concat(stepwise, concat(List.of("info"), stepwiseTarget)))),
					new Rounds.Contender("fw_info",
							() -> run(concat(flyway, List.of("info", server.url(flywayDb), scripts.toString())))),
					new Rounds.Contender("swjar_info",
							() -> run(concat(stepwiseJar, concat(List.of("info"), stepwiseTarget)))),
					new Rounds.Contender("sw_migrate",
							() -> run(concat(stepwise, concat(List.of("migrate"), stepwiseTarget)))),
					new Rounds.Contender("fw_migrate",
							() -> run(concat(flyway, List.of("migrate", server.url(flywayDb), scripts.toString())))),
					new Rounds.Contender("swjar_mig",
							() -> run(concat(stepwiseJar, concat(List.of("migrate"), stepwiseTarget))))));
			Statistics.printTable(System.out, times);
			double info = Statistics.pairedRatio(times.get("sw_info"), times.get("fw_info"));
			double migrate = Statistics.pairedRatio(times.get("sw_migrate"), times.get("fw_migrate"));
			double infoJar = Statistics.pairedRatio(times.get("swjar_info"), times.get("fw_info"));
			double migrateJar = Statistics.pairedRatio(times.get("swjar_mig"), times.get("fw_migrate"));
			System.out.println(String.format(Locale.ROOT,
					"cli: %d applied, %d rounds: stepwise/flyway time to exit, median of paired ratios: info %.2f,"
							+ " migrate %.2f (goal: at most 0.50); the jar without the launcher's archive: info %.2f,"
							+ " migrate %.2f",
					migrations, rounds.rounds(), info, migrate, infoJar, migrateJar));
		}
		finally {
			server.drop(stepwiseDb);
			server.drop(flywayDb);
		}
	}

	/**
	 * Unpacks the distribution zip (bin/stepwise, lib/stepwise.jar) afresh, so that no
	 * archive of an earlier build is left beside the jar.
	 * @return the launcher script
	 */
	private static Path unpack(Path zip, Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> files = Files.walk(directory)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
		Path launcher = null;
		try (ZipFile file = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : Collections.list(file.entries())) {
				Path target = directory.resolve(entry.getName()).normalize();
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = file.getInputStream(entry)) {
					Files.copy(in, target);
				}
				if (entry.getName().endsWith("bin/stepwise")) {
					launcher = target;
				}
			}
		}
		if (launcher == null) {
			throw new IllegalStateException("No bin/stepwise in " + zip);
		}
		return launcher;
	}

	/** Launches the command and returns the nanoseconds from launch to exit; a failure stops the benchmark. */
	private static long run(List<String> command) throws Exception {
		Path output = Files.createTempFile("cli-bench", ".log");
		try {
			long start = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("Did not exit within 10 minutes: " + command);
			}
			long elapsed = System.nanoTime() - start;
			if (process.exitValue() != 0) {
				throw new IllegalStateException("Exit code " + process.exitValue() + " from " + String.join(" ", command)
						+ ":\n" + Files.readString(output));
			}
			return elapsed;
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
