package dev.stepwise.migration.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs contenders in turn (A B A B ...) so that a noisy neighbour slows them alike: first
 * an equal number of warm-up rounds, whose times are dropped, then the measured rounds.
 */
final class Rounds {

	private final int warmUps;

	private final int rounds;

	private final PrintStream out;

	Rounds(int warmUps, int rounds, PrintStream out) {
		this.warmUps = warmUps;
		this.rounds = rounds;
		this.out = out;
	}

	int warmUps() {
		return this.warmUps;
	}

	int rounds() {
		return this.rounds;
	}

	/** Runs every contender once per round and returns each one's measured times, in milliseconds. */
	Map<String, List<Double>> alternate(List<Contender> contenders) throws Exception {
		Map<String, List<Double>> times = new LinkedHashMap<>();
		contenders.forEach((contender) -> times.put(contender.name(), new ArrayList<>()));
		for (int round = 1; round <= this.warmUps + this.rounds; round++) {
			boolean warmUp = round <= this.warmUps;
			StringBuilder line = new StringBuilder(warmUp ? "warm-up " + round : "round " + (round - this.warmUps));
			for (Contender contender : contenders) {
				double millis = contender.trial().run() / 1e6;
				if (!warmUp) {
					times.get(contender.name()).add(millis);
				}
				line.append(String.format(Locale.ROOT, "  %s=%.1f ms", contender.name(), millis));
			}
			this.out.println(line);
		}
		return times;
	}

	/** A named piece of work; its trial prepares what it needs untimed and returns the timed nanoseconds. */
	record Contender(String name, Trial trial) {
	}

	/** One timed run. */
	@FunctionalInterface
	interface Trial {

		/** Prepares, runs and checks the work, and returns how long the work itself took, in nanoseconds. */
		long run() throws Exception;

	}

}
