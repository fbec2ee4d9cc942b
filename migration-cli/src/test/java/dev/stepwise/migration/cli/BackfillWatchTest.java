package dev.stepwise.migration.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stepwise.migration.api.BackfillProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a long run prints about its backfills: lines that stay in a log, a bar redrawn in
 * place on a terminal, each finished backfill said once, nothing read before the run starts.
 */
class BackfillWatchTest {

	private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

	private final StringWriter err = new StringWriter();

	private final List<List<BackfillProgress>> reads = new ArrayList<>();

	private final AtomicInteger readCount = new AtomicInteger();

	@Test
	void inALogEachReportIsALineAndEachFinishedBackfillIsSaidOnce() {
		this.reads.add(List.of(done("orders.total_cents")));
		this.reads.add(List.of(done("orders.total_cents"), running("users.display_name", 400, 1000)));
		this.reads.add(List.of(done("orders.total_cents"), done("users.display_name")));
		this.reads.add(List.of(done("orders.total_cents"), done("users.display_name")));
		BackfillWatch watch = watch(false);
		watch.begin();
		watch.report();
		watch.report();
		watch.close();

		assertThat(this.err.toString().lines().toList()).containsExactly(
				"Backfill users.display_name: 40%, 400 of ~1000 rows, 250 rows/s",
				"Backfill users.display_name: done, 1000 of ~1000 rows");
	}

	@Test
	void onATerminalTheRunningBackfillIsABarRedrawnInPlace() {
		this.reads.add(List.of());
		this.reads.add(List.of(running("users.display_name", 500, 1000)));
		this.reads.add(List.of(done("users.display_name")));
		BackfillWatch watch = watch(true);
		watch.begin();
		watch.report();
		watch.close();

		assertThat(this.err.toString()).startsWith("\r\u001b[2K[###############               ] users.display_name 50%")
			.contains("\r\u001b[2KBackfill users.display_name: done, 1000 of ~1000 rows" + System.lineSeparator())
			.endsWith("\r\u001b[2K");
	}

	@Test
	void nothingIsReadWhenNoMigrationRan() {
		BackfillWatch watch = watch(false);
		watch.report();
		watch.close();
		assertThat(this.readCount).hasValue(0);
		assertThat(this.err.toString()).isEmpty();
	}

	private BackfillWatch watch(boolean terminal) {
		ProgressDisplay display = new ProgressDisplay(new PrintWriter(this.err), terminal);
		// An interval longer than any test: only the explicit reports and the last one print.
		return new BackfillWatch(() -> this.reads.get(Math.min(this.readCount.getAndIncrement(), this.reads.size() - 1)),
				display, Duration.ofMinutes(10));
	}

	private static BackfillProgress running(String name, long rowsDone, long total) {
		return new BackfillProgress(name, name.substring(0, name.indexOf('.')), rowsDone, total, 250, false, NOW);
	}

	private static BackfillProgress done(String name) {
		return new BackfillProgress(name, name.substring(0, name.indexOf('.')), 1000, 1000, 0, true, NOW);
	}

}
