package dev.stepwise.migration.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code benchmarks/run cli}: the time from launch to exit of a fresh JVM running
 * {@code stepwise info} and {@code stepwise migrate} (nothing pending, N applied) on
 * PostgreSQL, against Flyway's API in a plain main doing the same on the same scripts, each
 * tool with its own database; alternating, medians, ratios.
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
		// The launcher script's JVM options, for both.
		List<String> jvm = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
		List<String> stepwise = concat(jvm, List.of("-jar", jar.toString()));
		List<String> flyway = concat(jvm, List.of("-cp", flywayClasspath, FlywayCommand.class.getName()));
		List<String> stepwiseTarget = List.of("--url", server.url(stepwiseDb), "--locations", "filesystem:" + scripts);
		try {
			run(concat(stepwise, concat(List.of("migrate"), stepwiseTarget)));
			run(concat(flyway, List.of("migrate", server.url(flywayDb), scripts.toString())));
			Map<String, List<Double>> times = rounds.alternate(List.of(
					new Rounds.Contender("sw_info", () -> run(concat(stepwise, concat(List.of("info"), stepwiseTarget)))),
					new Rounds.Contender("fw_info",
							() -> run(concat(flyway, List.of("info", server.url(flywayDb), scripts.toString())))),
					new Rounds.Contender("sw_migrate",
							() -> run(concat(stepwise, concat(List.of("migrate"), stepwiseTarget)))),
					new Rounds.Contender("fw_migrate",
							() -> run(concat(flyway, List.of("migrate", server.url(flywayDb), scripts.toString()))))));
			Statistics.printTable(System.out, times);
			double info = Statistics.pairedRatio(times.get("sw_info"), times.get("fw_info"));
			double migrate = Statistics.pairedRatio(times.get("sw_migrate"), times.get("fw_migrate"));
			System.out.println(String.format(Locale.ROOT,
					"cli: %d applied, %d rounds: stepwise/flyway time to exit, median of paired ratios: info %.2f,"
							+ " migrate %.2f (goal: at most 0.50)",
					migrations, rounds.rounds(), info, migrate));
		}
		finally {
			server.drop(stepwiseDb);
			server.drop(flywayDb);
		}
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
