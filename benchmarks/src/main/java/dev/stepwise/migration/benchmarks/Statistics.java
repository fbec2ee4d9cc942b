package dev.stepwise.migration.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Medians and the printed table of a benchmark's rounds. */
final class Statistics {

	private Statistics() {
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * The median of the round-by-round ratios {@code a[i] / b[i]}: steadier than the ratio of
	 * the medians when the machine's load drifts during the run, since each pair ran side by side.
	 */
	static double pairedRatio(List<Double> a, List<Double> b) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			ratios.add(a.get(i) / b.get(i));
		}
		return median(ratios);
	}

	/** The median of the round-by-round differences {@code a[i] - b[i]}. */
	static double pairedDifference(List<Double> a, List<Double> b) {
		List<Double> differences = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			differences.add(a.get(i) - b.get(i));
		}
		return median(differences);
	}

	/** Prints one row per round and the median, minimum and maximum of each contender. */
	static void printTable(PrintStream out, Map<String, List<Double>> times) {
		StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s", "round"));
		times.keySet().forEach((name) -> header.append(String.format(Locale.ROOT, "%14s", name + "_ms")));
		out.println(header);
		int rounds = times.values().iterator().next().size();
		for (int round = 0; round < rounds; round++) {
			int index = round;
			out.println(row(String.valueOf(round + 1), times, (values) -> values.get(index)));
		}
		out.println(row("median", times, Statistics::median));
		out.println(row("min", times, Collections::min));
		out.println(row("max", times, Collections::max));
	}

	/**
	 * Prints the table, then the summary line of Stepwise against the floor: the medians,
	 * their ratio, the paired ratio and the goal.
	 */
	static void printAgainstFloor(PrintStream out, String benchmark, int migrations, int rounds,
			Map<String, List<Double>> times, String goal) {
		printTable(out, times);
		List<Double> stepwise = times.get("stepwise");
		List<Double> floor = times.get("floor");
		out.println(benchmark + " migrations=" + migrations + " rounds=" + rounds + " stepwise_ms="
				+ millis(median(stepwise)) + " floor_ms=" + millis(median(floor)) + " ratio="
				+ ratio(median(stepwise) / median(floor)) + " paired_ratio=" + ratio(pairedRatio(stepwise, floor))
				+ " goal<=" + goal);
	}

	static String millis(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	static String ratio(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static String row(String label, Map<String, List<Double>> times,
			Function<List<Double>, Double> pick) {
		StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-8s", label));
		times.values().forEach((values) -> row.append(String.format(Locale.ROOT, "%14.1f", pick.apply(values))));
		return row.toString();
	}

}
