package dev.stepwise.migration.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up check as an application meets it: the first call of a fresh JVM. Each
 * round launches one JVM per contender (alternating), which times its first call and then
 * a second one, and prints both; the launch itself is not timed, only the calls.
 */
final class ColdStartup {

	private static final String PREFIX = "cold-startup-nanos ";

	private ColdStartup() {
	}

	/**
	 * In the child JVM: {@code <stepwise|floor> <url> <scripts> <migrations>}. Prints both
	 * calls' wall-clock times and the CPU time the first call took on its thread, which a busy
	 * machine disturbs far less than the wall clock. The thread's clock is read through a bean
	 * taken before either contender starts, so that neither pays for its classes.
	 */
	public static void main(String[] args) throws Exception {
		String url = args[1];
		Path scripts = Path.of(args[2]);
		int migrations = Integer.parseInt(args[3]);
		boolean stepwise = args[0].equals("stepwise");
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpuBefore = threads.getCurrentThreadCpuTime();
		long first = stepwise ? StartupBenchmark.stepwise(url, scripts) : StartupBenchmark.floor(url, scripts, migrations);
		long firstCpu = threads.getCurrentThreadCpuTime() - cpuBefore;
		long second = stepwise ? StartupBenchmark.stepwise(url, scripts) : StartupBenchmark.floor(url, scripts, migrations);
		System.out.println(PREFIX + first + " " + second + " " + firstCpu);
	}

	/**
	 * Runs the rounds and returns each contender's first-call and second-call times in
	 * milliseconds, keyed {@code stepwise}, {@code floor}, {@code stepwise_2nd},
	 * {@code floor_2nd}, and the first call's CPU time, {@code stepwise_cpu}, {@code floor_cpu}.
	 */
	static Map<String, List<Double>> measure(int rounds, String url, Path scripts, int migrations) throws Exception {
		Map<String, List<Double>> times = new LinkedHashMap<>();
		for (String key : List.of("stepwise", "floor", "stepwise_2nd", "floor_2nd", "stepwise_cpu", "floor_cpu")) {
			times.put(key, new ArrayList<>());
		}
		for (int round = 1; round <= rounds; round++) {
			StringBuilder line = new StringBuilder("cold round " + round);
			for (String contender : List.of("stepwise", "floor")) {
				long[] nanos = launch(contender, url, scripts, migrations);
				times.get(contender).add(nanos[0] / 1e6);
				times.get(contender + "_2nd").add(nanos[1] / 1e6);
				times.get(contender + "_cpu").add(nanos[2] / 1e6);
				line.append(String.format(Locale.ROOT, "  %s=%.1f ms (cpu %.1f, then %.1f)", contender, nanos[0] / 1e6,
						nanos[2] / 1e6, nanos[1] / 1e6));
			}
			System.out.println(line);
		}
		return times;
	}

	private static long[] launch(String contender, String url, Path scripts, int migrations)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				ColdStartup.class.getName(), contender, url, scripts.toString(), Integer.toString(migrations))
			.redirectErrorStream(true)
			.start();
		long[] nanos = null;
		StringBuilder output = new StringBuilder();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.startsWith(PREFIX)) {
					String[] figures = line.substring(PREFIX.length()).split(" ");
					nanos = new long[] { Long.parseLong(figures[0]), Long.parseLong(figures[1]),
							Long.parseLong(figures[2]) };
				}
				else {
					output.append(line).append('\n');
				}
			}
		}
		int exit = process.waitFor();
		if (exit != 0 || nanos == null) {
			throw new IllegalStateException("The cold " + contender + " JVM failed (exit " + exit + "):\n" + output);
		}
		return nanos;
	}

}
