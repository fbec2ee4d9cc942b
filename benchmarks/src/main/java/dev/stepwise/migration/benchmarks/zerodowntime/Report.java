package dev.stepwise.migration.benchmarks.zerodowntime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stepwise.migration.benchmarks.zerodowntime.ExpandTimeline.Span;
import dev.stepwise.migration.benchmarks.zerodowntime.ZeroDowntimeBenchmark.Results;

/**
 * Prints the summary line of issue 4 and, below it, the table that explains it: each
 * figure with its goal, then where the slow writer operations came from.
 */
final class Report {

	private final Settings settings;

	private final Results results;

	Report(Settings settings, Results results) {
		this.settings = settings;
		this.results = results;
	}

	void print(PrintStream out) {
		Results r = this.results;
		WriterResult load = r.underLoad();
		double backfillRatio = r.expand().backfillRowsPerSecond() / r.floorRowsPerSecond();
		double with = median(rates(r.withTrigger()));
		double without = median(rates(r.withoutTrigger()));
		double triggerRatio = median(pairRatios(r.withTrigger(), r.withoutTrigger()));
		out.println(String.format(Locale.ROOT,
				"zero-downtime rows=%d writers=%d max_latency_ms=%.1f p99_latency_ms=%.2f errors=%d inconsistent_rows=%d"
						+ " backfill_rows_per_s=%.0f update_floor_rows_per_s=%.0f backfill_ratio=%.2f trigger_write_ratio=%.2f",
				r.rows(), this.settings.writers(), load.latencies().maxMillis(), load.latencies().percentileMillis(0.99),
				load.errors(), r.inconsistent(), r.expand().backfillRowsPerSecond(), r.floorRowsPerSecond(), backfillRatio,
				triggerRatio));
		out.println();
		row(out, "figure", "value", "goal");
		row(out, "writers' max latency", ms(load.latencies().maxMillis()), "<= 50 ms");
		row(out, "writers' p99 latency", ms(load.latencies().percentileMillis(0.99)), "<= 10 ms");
		row(out, "writers' p50 / p99.9", ms(load.latencies().percentileMillis(0.5)) + " / "
				+ ms(load.latencies().percentileMillis(0.999)), "");
		row(out, "writers' ops (ops/s), errors", load.operations() + " (" + rate(load.operationsPerSecond()) + "), "
				+ load.errors(), "0 errors");
		LatencyHistogram quiet = r.baseline().latencies();
		row(out, "  same writers, no expand (before)", "p50 " + ms(quiet.percentileMillis(0.5)) + ", p99 "
				+ ms(quiet.percentileMillis(0.99)) + ", max " + ms(quiet.maxMillis()), "(machine noise)");
		row(out, "  server during the real run", r.activity().walBytes() / (1024 * 1024) + " MB of WAL, "
				+ r.activity().checkpoints() + " checkpoints (" + r.activity().requestedCheckpoints() + " requested)", "");
		row(out, "inconsistent rows", String.valueOf(r.inconsistent()), "0");
		row(out, "floor: one UPDATE, before / after", String.join(" / ", r.floorNanos().stream().map(Report::seconds).toList())
				+ ", mean " + rate(r.floorRowsPerSecond()) + " rows/s", "");
		row(out, "backfill under load", seconds(r.expand().backfillNanos()) + ", "
				+ rate(r.expand().backfillRowsPerSecond()) + " rows/s, ratio " + fixed(backfillRatio), ">= 0.70");
		if (r.idle() != null) {
			row(out, "backfill without writers", seconds(r.idle().backfillNanos()) + ", "
					+ rate(r.idle().backfillRowsPerSecond()) + " rows/s, ratio "
					+ fixed(r.idle().backfillRowsPerSecond() / r.floorRowsPerSecond()), "(diagnostic)");
		}
		row(out, "whole expand under load", seconds(r.expand().expandNanos()) + ", DDL transaction "
				+ ms(RunClock.millis(r.expand().timeline().ddlTransaction().duration())), "");
		row(out, "writers with / without trigger", "medians " + rate(with) + " / " + rate(without)
				+ " ops/s; median of round ratios " + fixed(triggerRatio), ">= 0.90");
		row(out, "  rounds with", joined(r.withTrigger()), "");
		row(out, "  rounds without", joined(r.withoutTrigger()), "");
		row(out, "  before the expand (no column)", rate(r.baseline().operationsPerSecond()) + " ops/s; first round"
				+ " with / this " + fixed(r.withTrigger().get(0).operationsPerSecond() / r.baseline().operationsPerSecond()),
				"");
		printBatches(out, r.expand().timeline().batches());
		printStatements(out, "engine time under load", r.expand());
		if (r.idle() != null) {
			printStatements(out, "engine time without writers", r.idle());
		}
		printDdl(out, r.expand().timeline().ddlStatements());
		printSlowOperations(out, load.slowOperations(), r.expand().timeline());
		if (!load.firstErrors().isEmpty()) {
			out.println("first errors:");
			load.firstErrors().forEach((message) -> out.println("  " + message));
		}
	}

	private void printBatches(PrintStream out, List<Span> batches) {
		if (batches.isEmpty()) {
			return;
		}
		List<Long> durations = batches.stream().map(Span::duration).sorted().toList();
		List<Long> sizes = batches.stream().map(Span::rows).sorted().toList();
		row(out, "backfill batches", batches.size() + "; rows min/median/max " + sizes.get(0) + "/"
				+ sizes.get(sizes.size() / 2) + "/" + sizes.get(sizes.size() - 1), "");
		row(out, "  batch duration median/max", ms(RunClock.millis(durations.get(durations.size() / 2))) + " / "
				+ ms(RunClock.millis(durations.get(durations.size() - 1))), "target " + this.settings.targetBatchDuration().toMillis() + " ms");
	}

	/** The engine's time in each kind of statement over the whole expand, largest first. */
	private void printStatements(PrintStream out, String title, ExpandRun run) {
		row(out, title, "calls, total, mean; of the expand's " + seconds(run.expandNanos()), "");
		run.statementTotals()
			.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
			.limit(8)
			.forEach((entry) -> {
				long[] figures = entry.getValue();
				row(out, "  " + entry.getKey(), figures[0] + ", " + seconds(figures[1]) + ", "
						+ ms(RunClock.millis(figures[1] / figures[0])), "");
			});
	}

	private void printDdl(PrintStream out, List<Span> statements) {
		for (Span statement : statements) {
			row(out, "  DDL " + ms(RunClock.millis(statement.duration())), statement.what(), "");
		}
	}

	/** Counts and worst latency of the slow operations by what they overlapped, and the five worst. */
	private void printSlowOperations(PrintStream out, List<SlowOperation> slow, ExpandTimeline timeline) {
		out.println("writer operations >= " + this.settings.slowThreshold().toMillis() + " ms, by what they overlapped:");
		Map<String, long[]> byCause = new LinkedHashMap<>();
		for (SlowOperation operation : slow) {
			long[] figures = byCause.computeIfAbsent(timeline.cause(operation), (cause) -> new long[2]);
			figures[0]++;
			figures[1] = Math.max(figures[1], operation.latencyNanos());
		}
		byCause.forEach((cause, figures) -> row(out, "  " + cause, figures[0] + " ops, worst "
				+ ms(RunClock.millis(figures[1])), ""));
		List<SlowOperation> worst = new ArrayList<>(slow);
		worst.sort(Comparator.comparingLong(SlowOperation::latencyNanos).reversed());
		long expandStart = timeline.ddlTransaction().start();
		for (SlowOperation operation : worst.subList(0, Math.min(5, worst.size()))) {
			row(out, "  worst " + ms(RunClock.millis(operation.latencyNanos())), "at expand "
					+ String.format(Locale.ROOT, "%+.0f ms", RunClock.millis(operation.startNanos() - expandStart)),
					timeline.cause(operation));
		}
	}

	private static List<Double> rates(List<WriterResult> runs) {
		return runs.stream().map(WriterResult::operationsPerSecond).toList();
	}

	/** Each round with the trigger over the round without it that followed: noise that drifts slowly cancels out. */
	private static List<Double> pairRatios(List<WriterResult> with, List<WriterResult> without) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < with.size(); i++) {
			ratios.add(with.get(i).operationsPerSecond() / without.get(i).operationsPerSecond());
		}
		return ratios;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static String joined(List<WriterResult> runs) {
		return String.join(" ", runs.stream().map((run) -> rate(run.operationsPerSecond())).toList());
	}

	private static void row(PrintStream out, String figure, String value, String goal) {
		out.println(String.format(Locale.ROOT, "%-34s %-58s %s", figure, value, goal));
	}

	private static String ms(double millis) {
		return String.format(Locale.ROOT, "%.1f ms", millis);
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
	}

	private static String rate(double perSecond) {
		return String.format(Locale.ROOT, "%.0f", perSecond);
	}

	private static String fixed(double ratio) {
		return String.format(Locale.ROOT, "%.2f", ratio);
	}

}
