package dev.stepwise.migration.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code benchmarks/run boot-startup}: the time from JVM launch to
 * {@code ApplicationReadyEvent} of a minimal Spring Boot application with N migrations
 * applied and nothing pending, one fresh JVM per round and variant, alternating:
 * <ul>
 * <li>{@code stepwise}: Stepwise's starter, history in its own database;</li>
 * <li>{@code flyway}: Spring Boot's Flyway starter on the same scripts, history in another
 * database;</li>
 * <li>{@code floor}: no migration tool, one {@code SELECT 1} before ready.</li>
 * </ul>
 * The scripts ship in a jar on the class path ({@code classpath:db/migration}, both tools'
 * default), as an application's would. A variant whose class path folder was not built is
 * left out, and the summary says so.
 */
public final class BootStartupBenchmark {

	private BootStartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new Options(args);
		int migrations = options.integer("migrations", 1000);
		Rounds rounds = new Rounds(options.integer("warmups", 1), options.integer("rounds", 7), System.out);
		Path classes = Path.of(options.text("classes", "benchmarks/target/classes")).toAbsolutePath();
		Path classpaths = Path.of(options.text("classpaths", "benchmarks/target/boot-classpath")).toAbsolutePath();
		// Boot's pool fills itself to minimum-idle (by default its maximum, 10) in the background
		// from its first connection on, so a longer start is also charged for the connections
		// opened meanwhile, which the floor opens just after it is ready. minimum-idle=1 leaves
		// that filling out of every variant, the floor's included.
		String minimumIdle = options.text("minimum-idle", "");
		List<String> arguments = minimumIdle.isEmpty() ? List.of()
				: List.of("--spring.datasource.hikari.minimum-idle=" + minimumIdle);
		PostgresServer server = PostgresServer.fromEnvironment();
		Path scripts = new MigrationScripts(migrations)
			.writeJar(options.workDirectory("boot-startup").resolve("migrations.jar"));

		List<Variant> available = new ArrayList<>();
		for (Variant variant : Variant.all(classes, classpaths, scripts, arguments)) {
			if (Files.isDirectory(variant.classpathFolder())) {
				available.add(variant);
			}
			else {
				System.out.println("boot-startup: left out " + variant.name() + ": its class path "
						+ variant.classpathFolder() + " was not built");
			}
		}
		for (Variant variant : available) {
			prepare(server, variant, migrations);
		}

		Map<String, List<Double>> cpu = new LinkedHashMap<>();
		Map<String, List<Double>> bootReported = new LinkedHashMap<>();
		List<Rounds.Contender> contenders = new ArrayList<>();
		for (Variant variant : available) {
			List<Double> variantCpu = new ArrayList<>();
			List<Double> variantReported = new ArrayList<>();
			cpu.put(variant.name(), variantCpu);
			bootReported.put(variant.name(), variantReported);
			contenders.add(new Rounds.Contender(variant.name(), () -> {
				ApplicationLaunch.Result launch = ApplicationLaunch.run(variant.command(server));
				variantCpu.add(orNaN(launch.cpuMillis()));
				variantReported.add(orNaN(launch.bootReportedMillis()));
				return launch.readyNanos();
			}));
		}
		Map<String, List<Double>> times = rounds.alternate(contenders);
		for (Variant variant : available) {
			checkNothingApplied(server, variant, migrations);
			server.drop(variant.database());
		}

		System.out.println("Wall clock from JVM launch to ApplicationReadyEvent, as this harness measures it:");
		Statistics.printTable(System.out, times);
		System.out.println("CPU time the JVM had used when ready (less disturbed by a busy machine):");
		Statistics.printTable(System.out, measuredOnly(cpu, rounds.warmUps()));
		measuredOnly(bootReported, rounds.warmUps()).forEach((name, values) -> System.out.println(
				"Spring Boot's own \"process running for\", " + name + " median_ms=" + Statistics.millis(Statistics.median(values))));
		System.out.println(addedCosts("wall", times));
		System.out.println(addedCosts("cpu", measuredOnly(cpu, rounds.warmUps())));
		System.out.println(summary(migrations, rounds.rounds(), times, measuredOnly(cpu, rounds.warmUps())));
	}

	/** Creates the variant's database and, for a tool, launches it once to apply the migrations. */
	private static void prepare(PostgresServer server, Variant variant, int migrations) throws Exception {
		server.recreate(variant.database());
		if (variant.historyTable() == null) {
			return;
		}
		long start = System.nanoTime();
		ApplicationLaunch.run(variant.command(server));
		int applied = countApplied(server, variant);
		System.out.println("boot-startup: " + variant.name() + " applied " + applied + " migrations at its first start,"
				+ " in " + Statistics.millis((System.nanoTime() - start) / 1e6) + " ms (launch included)");
		if (applied != migrations) {
			throw new IllegalStateException(variant.name() + " applied " + applied + " of " + migrations + " migrations");
		}
	}

	private static void checkNothingApplied(PostgresServer server, Variant variant, int migrations)
			throws SQLException {
		if (variant.historyTable() != null && countApplied(server, variant) != migrations) {
			throw new IllegalStateException(variant.name() + " changed its history during the measured rounds");
		}
	}

	private static int countApplied(PostgresServer server, Variant variant) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.url(variant.database()));
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery(
						"SELECT count(*) FROM " + variant.historyTable() + " WHERE success AND version IS NOT NULL")) {
			count.next();
			return count.getInt(1);
		}
	}

	/** The summary line: the added wall-clock time and CPU time, each as a fraction of Flyway's. */
	private static String summary(int migrations, int rounds, Map<String, List<Double>> times,
			Map<String, List<Double>> cpu) {
		@Nullable Double floor = median(times, "floor");
		@Nullable Double stepwise = median(times, "stepwise");
		@Nullable Double flyway = median(times, "flyway");
		@Nullable Double stepwiseAdded = (stepwise != null && floor != null) ? stepwise - floor : null;
		@Nullable Double flywayAdded = (flyway != null && floor != null) ? flyway - floor : null;
		return "boot-startup migrations=" + migrations + " rounds=" + rounds + " stepwise_ms=" + millis(stepwise)
				+ " flyway_ms=" + millis(flyway) + " floor_ms=" + millis(floor) + " stepwise_added_ms="
				+ millis(stepwiseAdded) + " flyway_added_ms=" + millis(flywayAdded) + " added_fraction="
				+ fraction(stepwiseAdded, flywayAdded) + " cpu_added_fraction=" + addedFraction(cpu)
				+ " goal<=0.15 (wall and cpu)";
	}

	private static String addedFraction(Map<String, List<Double>> cpu) {
		@Nullable Double floor = median(cpu, "floor");
		@Nullable Double stepwise = median(cpu, "stepwise");
		@Nullable Double flyway = median(cpu, "flyway");
		if (floor == null || stepwise == null || flyway == null) {
			return "n/a";
		}
		return fraction(stepwise - floor, flyway - floor);
	}

	private static String fraction(@Nullable Double added, @Nullable Double flywayAdded) {
		return (added != null && flywayAdded != null) ? Statistics.ratio(added / flywayAdded) : "n/a";
	}

	/**
	 * The added costs (tool minus floor) as the difference of the medians and as the median
	 * of the round-by-round differences, which is steadier when the machine's load drifts.
	 */
	private static String addedCosts(String clock, Map<String, List<Double>> times) {
		List<Double> floor = times.get("floor");
		if (floor == null) {
			return clock + ": no floor, no added cost";
		}
		StringBuilder line = new StringBuilder(clock + " added cost over the floor:");
		for (String tool : List.of("stepwise", "flyway")) {
			List<Double> values = times.get(tool);
			if (values != null) {
				line.append(" ").append(tool).append("_added_ms=")
					.append(Statistics.millis(Statistics.median(values) - Statistics.median(floor)))
					.append(" ").append(tool).append("_paired_added_ms=")
					.append(Statistics.millis(Statistics.pairedDifference(values, floor)));
			}
		}
		return line.toString();
	}

	private static Map<String, List<Double>> measuredOnly(Map<String, List<Double>> perLaunch, int warmUps) {
		Map<String, List<Double>> measured = new LinkedHashMap<>();
		perLaunch.forEach((name, values) -> measured.put(name, values.subList(warmUps, values.size())));
		return measured;
	}

	private static double orNaN(@Nullable Double value) {
		return (value != null) ? value : Double.NaN;
	}

	private static @Nullable Double median(Map<String, List<Double>> times, String name) {
		List<Double> values = times.get(name);
		return (values != null) ? Statistics.median(values) : null;
	}

	private static String millis(@Nullable Double value) {
		return (value != null) ? Statistics.millis(value) : "n/a";
	}

	/** One variant: its application class, class path folder, database and history table. */
	record Variant(String name, String mainClass, Path classes, Path classpathFolder, Path scripts, String database,
			@Nullable String historyTable, List<String> arguments) {

		static List<Variant> all(Path classes, Path classpaths, Path scripts, List<String> arguments) {
			return List.of(
					new Variant("stepwise", "dev.stepwise.migration.benchmarks.boot.MigratingApplication", classes,
							classpaths.resolve("stepwise"), scripts, "stepwise_bench_boot_stepwise", "stepwise_history",
							arguments),
					new Variant("flyway", "dev.stepwise.migration.benchmarks.boot.MigratingApplication", classes,
							classpaths.resolve("flyway"), scripts, "stepwise_bench_boot_flyway", "flyway_schema_history",
							arguments),
					new Variant("floor", "dev.stepwise.migration.benchmarks.boot.FloorApplication", classes,
							classpaths.resolve("floor"), scripts, "stepwise_bench_boot_floor", null, arguments));
		}

		List<String> command(PostgresServer server) {
			String classpath = String.join(File.pathSeparator, this.classes.toString(),
					this.classpathFolder.resolve("*").toString(), this.scripts.toString());
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", classpath, this.mainClass, "--spring.datasource.url=" + server.url(this.database)));
			command.addAll(this.arguments);
			return command;
		}

	}

}
