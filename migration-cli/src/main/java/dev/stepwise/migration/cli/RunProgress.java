package dev.stepwise.migration.cli;

import java.io.PrintWriter;
import java.time.Duration;

import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.StepwiseListener;

/**
 * Says on standard error which migration runs now and how long each took, so that a long
 * run shows where it is, in a terminal as in a CI log; standard output stays the result.
 */
final class RunProgress implements StepwiseListener {

	private final PrintWriter err;

	RunProgress(PrintWriter err) {
		this.err = err;
	}

	@Override
	public void lockAcquired(Duration waited) {
		if (waited.toMillis() >= 1000) {
			say("Waited " + waited.toMillis() + " ms for another run's lock");
		}
	}

	@Override
	public void beforeMigrate(MigrationEvent migration) {
		say("Applying " + migration.script() + " ...");
	}

	@Override
	public void afterMigrate(MigrationEvent migration, Duration executionTime) {
		say("Applied " + migration.script() + " in " + executionTime.toMillis() + " ms");
	}

	@Override
	public void beforeRollback(MigrationEvent migration) {
		say("Rolling back with " + migration.script() + " ...");
	}

	@Override
	public void afterRollback(MigrationEvent migration, Duration executionTime) {
		say("Rolled back with " + migration.script() + " in " + executionTime.toMillis() + " ms");
	}

	@Override
	public void ddlRetried(MigrationEvent migration, int attempt, Duration backoff) {
		say(migration.script() + ": a DDL statement timed out on a table lock; retry " + attempt + " in "
				+ backoff.toMillis() + " ms");
	}

	private void say(String line) {
		this.err.println(line);
		this.err.flush();
	}

}
