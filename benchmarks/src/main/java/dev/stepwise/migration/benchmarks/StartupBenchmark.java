package dev.stepwise.migration.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrateResult;

/**
 * {@code benchmarks/run startup}: with N migrations applied and nothing pending, times
 * {@code migrate()} on a fresh engine against the floor (one SELECT of the history table,
 * and reading and CRC32-checksumming the N scripts). Cold first: the first call (and the
 * second) of a fresh JVM per contender and round, as an application meets it
 * ({@link ColdStartup}); then warm: both in this one JVM, after the same number of
 * warm-up rounds, each round on a new connection.
 */
public final class StartupBenchmark {

	private static final String DATABASE = "stepwise_bench_startup";

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new Options(args);
		int migrations = options.integer("migrations", 1000);
		Rounds rounds = new Rounds(options.integer("warmups", 20), options.integer("rounds", 31), System.out);
		int coldRounds = options.integer("cold-rounds", 11);
		PostgresServer server = PostgresServer.fromEnvironment();
		Path scripts = new MigrationScripts(migrations).writeTo(options.workDirectory("startup").resolve("scripts"));
		String url = server.url(DATABASE);
		server.recreate(DATABASE);
		int applied = migrate(url, scripts).applied().size();
		System.out.println("startup: " + applied + " migrations applied to " + DATABASE + "; cold: a fresh JVM per"
				+ " contender and round");
		Map<String, List<Double>> cold = ColdStartup.measure(coldRounds, url, scripts, migrations);
		System.out.println("startup: warm: both contenders in this JVM, equal warm-up");
		Map<String, List<Double>> times = rounds.alternate(List.of(
				new Rounds.Contender("stepwise", () -> stepwise(url, scripts)),
				new Rounds.Contender("floor", () -> floor(url, scripts, migrations))));
		server.drop(DATABASE);
		Statistics.printTable(System.out, cold);
		Statistics.printAgainstFloor(System.out, "startup", migrations, rounds.rounds(), times, "1.50");
		List<Double> coldStepwise = cold.get("stepwise");
		List<Double> coldFloor = cold.get("floor");
		System.out.println("startup-cold migrations=" + migrations + " rounds=" + coldRounds + " stepwise_ms="
				+ Statistics.millis(Statistics.median(coldStepwise)) + " floor_ms="
				+ Statistics.millis(Statistics.median(coldFloor)) + " ratio="
				+ Statistics.ratio(Statistics.median(coldStepwise) / Statistics.median(coldFloor)) + " paired_ratio="
				+ Statistics.ratio(Statistics.pairedRatio(coldStepwise, coldFloor)) + " second_call_ratio="
				+ Statistics.ratio(Statistics.median(cold.get("stepwise_2nd")) / Statistics.median(cold.get("floor_2nd")))
				+ " cpu_ratio=" + Statistics.ratio(Statistics.median(cold.get("stepwise_cpu"))
						/ Statistics.median(cold.get("floor_cpu")))
				+ " paired_cpu_ratio=" + Statistics.ratio(Statistics.pairedRatio(cold.get("stepwise_cpu"),
						cold.get("floor_cpu")))
				+ " goal<=1.20");
	}

	static long stepwise(String url, Path scripts) {
		long start = System.nanoTime();
		MigrateResult result = migrate(url, scripts);
		long elapsed = System.nanoTime() - start;
		if (!result.applied().isEmpty()) {
			throw new IllegalStateException("Nothing should be pending, yet Stepwise applied " + result.applied().size());
		}
		return elapsed;
	}

	private static MigrateResult migrate(String url, Path scripts) {
		return Stepwise.configure().dataSource(url, null, null).locations("filesystem:" + scripts).load().migrate();
	}

	static long floor(String url, Path scripts, int migrations) throws Exception {
		long start = System.nanoTime();
		int unchanged = 0;
		try (Connection connection = DriverManager.getConnection(url)) {
			Map<String, Integer> recorded = FloorHistory.read(connection);
			for (FloorScripts.Script script : FloorScripts.readAll(scripts)) {
				Integer checksum = recorded.get(script.name());
				if (checksum != null && checksum == script.checksum()) {
					unchanged++;
				}
			}
		}
		long elapsed = System.nanoTime() - start;
		if (unchanged != migrations) {
			throw new IllegalStateException("The floor found " + unchanged + " of " + migrations
					+ " scripts applied with the same checksum");
		}
		return elapsed;
	}

}
