package dev.stepwise.migration.cli;

import java.time.Duration;

import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.StepwiseListener;
import org.jspecify.annotations.Nullable;

/**
 * Says which migration runs now and how long each took, so that a long run shows where it
 * is: a line per migration in a CI log; on a terminal, a bar of the run too, and the
 * progress of the backfills that its migrations start.
 */
final class RunProgress implements StepwiseListener {

	private static final int BAR_WIDTH = 20;

	private final ProgressDisplay display;

	private @Nullable BackfillWatch backfills;

	// How many migrations the run is expected to apply, when known (a terminal only).
	private int expected;

	private int started;

	RunProgress(ProgressDisplay display) {
		this.display = display;
	}

	/** Shows the backfills too, once a migration runs. */
	void watch(BackfillWatch backfills) {
		this.backfills = backfills;
	}

	/** The number of migrations the run should apply, for the bar. */
	void expect(int migrations) {
		this.expected = migrations;
	}

	@Override
	public void lockAcquired(Duration waited) {
		if (waited.toMillis() >= 1000) {
			this.display.line("Waited " + waited.toMillis() + " ms for another run's lock");
		}
	}

	@Override
	public void beforeMigrate(MigrationEvent migration) {
		this.started++;
		if (this.backfills != null) {
			this.backfills.begin();
		}
		if (this.display.terminal()) {
			this.display.status(bar() + " applying " + migration.script());
		}
		else {
			this.display.line("Applying " + migration.script() + " ...");
		}
	}

	@Override
	public void afterMigrate(MigrationEvent migration, Duration executionTime) {
		this.display.line("Applied " + migration.script() + " in " + executionTime.toMillis() + " ms");
		if (this.backfills != null) {
			this.backfills.report();
		}
	}

	@Override
	public void migrateFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
		this.display.clear();
	}

	@Override
	public void beforeRollback(MigrationEvent migration) {
		this.display.line("Rolling back with " + migration.script() + " ...");
	}

	@Override
	public void afterRollback(MigrationEvent migration, Duration executionTime) {
		this.display.line("Rolled back with " + migration.script() + " in " + executionTime.toMillis() + " ms");
	}

	@Override
	public void ddlRetried(MigrationEvent migration, int attempt, Duration backoff) {
		this.display.line(migration.script() + ": a DDL statement timed out on a table lock; retry " + attempt + " in "
				+ backoff.toMillis() + " ms");
	}

	/** {@code [#####     ] 2/4}, or {@code [2]} while the total is unknown. */
	private String bar() {
		if (this.expected <= 0) {
			return "[" + this.started + "]";
		}
		int total = Math.max(this.expected, this.started);
		int filled = (this.started - 1) * BAR_WIDTH / total;
		return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + this.started + "/" + total;
	}

}
