package dev.stepwise.migration.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrateResult;

/**
 * {@code benchmarks/run apply}: applies N small migrations to an empty database with
 * Stepwise and with the plain-JDBC floor (the same statements, one history row and one
 * commit per migration), on a fresh database each time, and prints the medians and the
 * ratio Stepwise/floor.
 */
public final class ApplyBenchmark {

	private static final String DATABASE = "stepwise_bench_apply";

	private ApplyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new Options(args);
		int migrations = options.integer("migrations", 1000);
		Rounds rounds = new Rounds(options.integer("warmups", 1), options.integer("rounds", 7), System.out);
		PostgresServer server = PostgresServer.fromEnvironment();
		Path scripts = new MigrationScripts(migrations).writeTo(options.workDirectory("apply").resolve("scripts"));
		String url = server.url(DATABASE);
		System.out.println("apply: " + migrations + " migrations from " + scripts + " into a fresh " + DATABASE
				+ " each round");
		Map<String, List<Double>> times = rounds.alternate(List.of(
				new Rounds.Contender("stepwise", () -> timed(server, url, migrations, () -> stepwise(url, scripts, migrations))),
				new Rounds.Contender("floor", () -> timed(server, url, migrations, () -> floor(url, scripts)))));
		server.drop(DATABASE);
		Statistics.printAgainstFloor(System.out, "apply", migrations, rounds.rounds(), times, "1.30");
	}

	/** Recreates the database, times the work, and checks that it created every table. */
	private static long timed(PostgresServer server, String url, int migrations, Work work) throws Exception {
		server.recreate(DATABASE);
		long start = System.nanoTime();
		work.run();
		long elapsed = System.nanoTime() - start;
		int tables = countTables(url);
		if (tables != migrations) {
			throw new IllegalStateException("Expected " + migrations + " bench_ tables, found " + tables);
		}
		return elapsed;
	}

	private static void stepwise(String url, Path scripts, int migrations) {
		MigrateResult result = Stepwise.configure()
			.dataSource(url, null, null)
			.locations("filesystem:" + scripts)
			.load()
			.migrate();
		if (result.applied().size() != migrations) {
			throw new IllegalStateException("Stepwise applied " + result.applied().size() + " of " + migrations);
		}
	}

	private static void floor(String url, Path scripts) throws Exception {
		try (Connection connection = DriverManager.getConnection(url)) {
			FloorHistory.create(connection);
			connection.setAutoCommit(false);
			int rank = 1;
			try (PreparedStatement history = FloorHistory.prepareInsert(connection)) {
				for (FloorScripts.Script script : FloorScripts.readAll(scripts)) {
					long start = System.nanoTime();
					try (Statement statement = connection.createStatement()) {
						for (String sql : script.statements()) {
							statement.execute(sql);
						}
					}
					FloorHistory.insert(history, rank++, script, (System.nanoTime() - start) / 1_000_000);
					connection.commit();
				}
			}
		}
	}

	private static int countTables(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery(
						"SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'bench\\_%'")) {
			count.next();
			return count.getInt(1);
		}
	}

	@FunctionalInterface
	private interface Work {

		void run() throws Exception;

	}

}
