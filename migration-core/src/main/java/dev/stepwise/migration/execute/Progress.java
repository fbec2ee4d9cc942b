package dev.stepwise.migration.execute;

import org.jspecify.annotations.Nullable;

/** Which statement of a migration is running, and how many took effect before it. */
final class Progress {

	private @Nullable String statement;

	private int line;

	private int done;

	void starting(String statement, int line) {
		this.statement = statement;
		this.line = line;
	}

	void finished() {
		this.done++;
		this.statement = null;
	}

	@Nullable String statement() {
		return this.statement;
	}

	int line() {
		return this.line;
	}

	int statementsDone() {
		return this.done;
	}

}
