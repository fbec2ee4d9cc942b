package dev.stepwise.migration.cli;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.stepwise.migration.api.BackfillProgress;
import org.jspecify.annotations.Nullable;

/**
 * Shows the backfills of a run while it goes: reads their stored progress every interval
 * on a thread of its own (the engine commits it with each batch), and says once when each
 * finished. Nothing is read before {@link #begin()}, so a run with nothing to do costs no
 * query.
 */
final class BackfillWatch implements AutoCloseable {

	private final Supplier<List<BackfillProgress>> backfills;

	private final ProgressDisplay display;

	private final Duration interval;

	// The backfills already done before the run: not this run's news.
	private @Nullable Set<String> doneBefore;

	private final Set<String> reportedDone = new HashSet<>();

	private @Nullable Thread reporter;

	BackfillWatch(Supplier<List<BackfillProgress>> backfills, ProgressDisplay display, Duration interval) {
		this.backfills = backfills;
		this.display = display;
		this.interval = interval;
	}

	/** Notes what is done already and starts reporting; once, however often it is called. */
	synchronized void begin() {
		if (this.doneBefore != null) {
			return;
		}
		Set<String> done = new HashSet<>();
		for (BackfillProgress progress : read()) {
			if (progress.done()) {
				done.add(progress.name());
			}
		}
		this.doneBefore = done;
		Thread thread = new Thread(this::reportEveryInterval, "stepwise-progress");
		thread.setDaemon(true);
		thread.start();
		this.reporter = thread;
	}

	/** Reports now: the progress of each running backfill, and each that finished since. */
	synchronized void report() {
		Set<String> doneBefore = this.doneBefore;
		if (doneBefore == null) {
			return;
		}
		for (BackfillProgress progress : read()) {
			String name = progress.name();
			if (!progress.done()) {
				if (this.display.terminal()) {
					this.display.status(Progress.bar(progress));
				}
				else {
					this.display.line("Backfill " + name + ": " + Progress.describe(progress));
				}
			}
			else if (!doneBefore.contains(name) && this.reportedDone.add(name)) {
				this.display.line("Backfill " + name + ": " + Progress.describe(progress));
			}
		}
	}

	/** Stops the reporter and reports a last time, so that every finished backfill is said. */
	@Override
	public void close() {
		Thread thread;
		synchronized (this) {
			thread = this.reporter;
			this.reporter = null;
		}
		if (thread == null) {
			return;
		}
		thread.interrupt();
		try {
			thread.join(this.interval.toMillis() + 1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		report();
		this.display.clear();
	}

	private void reportEveryInterval() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(this.interval.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			report();
		}
	}

	private List<BackfillProgress> read() {
		try {
			return this.backfills.get();
		}
		catch (RuntimeException ex) {
			// Progress is a courtesy: a failed read must not stop or fail the run.
			return List.of();
		}
	}

}
