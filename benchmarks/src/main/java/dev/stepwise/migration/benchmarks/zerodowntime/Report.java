package dev.stepwise.migration.benchmarks.zerodowntime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stepwise.migration.benchmarks.zerodowntime.ExpandTimeline.Span;
import dev.stepwise.migration.benchmarks.zerodowntime.ZeroDowntimeBenchmark.LoadedRun;
import dev.stepwise.migration.benchmarks.zerodowntime.ZeroDowntimeBenchmark.Results;

/**
 * Prints the summary line of each run under load (issues 4 and 14) and, below them, the
 * table that explains them: each figure with its goal, then where the slow writer
 * operations came from.
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
		double triggerRatio = median(pairRatios(r.withTrigger(), r.withoutTrigger()));
		for (LoadedRun run : r.loaded()) {
			WriterResult load = run.underLoad();
			out.println(String.format(Locale.ROOT,
					"zero-downtime database=%s path=%s rows=%d writers=%d max_latency_ms=%.1f p99_latency_ms=%.2f errors=%d"
							+ " inconsistent_rows=%d backfill_rows_per_s=%.0f update_floor_rows_per_s=%.0f"
							+ " backfill_ratio=%.2f trigger_write_ratio=%.2f peak_heap_mb=%d",
					r.vendor().name().toLowerCase(Locale.ROOT), run.expand().path(), r.rows(), this.settings.writers(),
					load.latencies().maxMillis(), load.latencies().percentileMillis(0.99), load.errors(), run.inconsistent(),
					run.expand().backfillRowsPerSecond(), r.floorRowsPerSecond(), backfillRatio(run.expand()), triggerRatio,
					run.expand().peakHeapMegabytes()));
		}
		out.println();
		row(out, "figure", "value", "goal");
		LatencyHistogram quiet = r.baseline().latencies();
		row(out, "same writers, no expand (before)", "p50 " + ms(quiet.percentileMillis(0.5)) + ", p99 "
				+ ms(quiet.percentileMillis(0.99)) + ", max " + ms(quiet.maxMillis()) + ", "
				+ rate(r.baseline().operationsPerSecond()) + " ops/s", "(machine noise)");
		row(out, "floor: one UPDATE, before / after", String.join(" / ", r.floorNanos().stream().map(Report::seconds).toList())
				+ ", mean " + rate(r.floorRowsPerSecond()) + " rows/s", "");
		if (r.idle() != null) {
			row(out, "backfill without writers (pool)", seconds(r.idle().backfillNanos()) + ", "
					+ rate(r.idle().backfillRowsPerSecond()) + " rows/s, ratio " + fixed(backfillRatio(r.idle())),
					"(diagnostic)");
		}
		double with = median(rates(r.withTrigger()));
		double without = median(rates(r.withoutTrigger()));
		row(out, "writers with / without trigger", "medians " + rate(with) + " / " + rate(without)
				+ " ops/s; median of round ratios " + fixed(triggerRatio), ">= 0.90");
		row(out, "  rounds with", joined(r.withTrigger()), "");
		row(out, "  rounds without", joined(r.withoutTrigger()), "");
		for (ReferenceRun reference : r.references()) {
			printReference(out, reference);
		}
		for (LoadedRun run : r.loaded()) {
			printRun(out, run);
		}
		if (r.idle() != null) {
			printStatements(out, "engine time without writers (pool)", r.idle());
		}
	}

	/** One migration under load: its figures against their goals, then what explains them. */
	private void printRun(PrintStream out, LoadedRun run) {
		Results r = this.results;
		ExpandRun expand = run.expand();
		WriterResult load = run.underLoad();
		String path = "[" + expand.path() + "] ";
		out.println();
		row(out, path + "writers' max latency", ms(load.latencies().maxMillis()), "<= 50 ms");
		row(out, path + "writers' p99 latency", ms(load.latencies().percentileMillis(0.99)),
				(r.vendor() == Vendor.MARIADB) ? "<= 2.5 ms" : "<= 10 ms");
		row(out, path + "writers' p50 / p99.9", ms(load.latencies().percentileMillis(0.5)) + " / "
				+ ms(load.latencies().percentileMillis(0.999)), "");
		row(out, path + "writers' ops (ops/s), errors", load.operations() + " (" + rate(load.operationsPerSecond()) + "), "
				+ load.errors(), "0 errors");
		row(out, path + "server during the run", run.activity().walBytes() / (1024 * 1024) + " MB of "
				+ ((r.vendor() == Vendor.MARIADB) ? "redo log" : "WAL, " + run.activity().checkpoints() + " checkpoints ("
						+ run.activity().requestedCheckpoints() + " requested)"), "");
		row(out, path + "checkpoint age", run.checkpointAge(), "");
		row(out, path + "inconsistent rows", String.valueOf(run.inconsistent()), "0");
		row(out, path + "backfill under load", seconds(expand.backfillNanos()) + ", "
				+ rate(expand.backfillRowsPerSecond()) + " rows/s, ratio " + fixed(backfillRatio(expand)), ">= 0.70");
		row(out, path + "whole migrate() under load", seconds(expand.expandNanos()) + ", DDL transaction "
				+ ms(RunClock.millis(expand.timeline().ddlTransaction().duration()))
				+ ((expand.path() == ExpandRun.Path.URL) ? ", " + expand.connectionsOpened() + " connections opened" : ""),
				"");
		row(out, path + "heap after GC, peak in migrate()", expand.peakHeapMegabytes() + " MB", "flat with rows");
		printBatches(out, expand.timeline().batches());
		printStatements(out, path + "engine time under load", expand);
		printDdl(out, expand.timeline().ddlStatements());
		printSlowOperations(out, load.slowOperations(), expand.timeline());
		if (!load.firstErrors().isEmpty()) {
			out.println("first errors:");
			load.firstErrors().forEach((message) -> out.println("  " + message));
		}
	}

	/** A reference without Stepwise, under the same writers: the row of the reference table. */
	private void printReference(PrintStream out, ReferenceRun reference) {
		LatencyHistogram latencies = reference.underLoad().latencies();
		row(out, "reference: " + reference.kind().description(), "max " + ms(latencies.maxMillis()) + ", p99 "
				+ ms(latencies.percentileMillis(0.99)) + ", " + reference.underLoad().errors() + " errors, "
				+ reference.inconsistent() + " inconsistent, copy " + seconds(reference.elapsedNanos()) + " (ratio "
				+ fixed(this.results.rows() / (reference.elapsedNanos() / 1e9) / this.results.floorRowsPerSecond()) + ")",
				"(the field, same writers)");
		row(out, "  its checkpoint age", reference.checkpointAge(), "");
	}

	private double backfillRatio(ExpandRun expand) {
		return expand.backfillRowsPerSecond() / this.results.floorRowsPerSecond();
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
				+ ms(RunClock.millis(durations.get(durations.size() - 1))), "target 25 ms");
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

	/** Each round with the trigger over the round without it next to it: noise that drifts slowly cancels out. */
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
