package dev.stepwise.migration.execute;

import org.jspecify.annotations.Nullable;

/** Which statement of a migration is running, and how many took effect before it. */
final class Progress {

	private @Nullable String statement;

	private int line;

	private int done;

	private int committed;

	void starting(String statement, int line) {
		this.statement = statement;
		this.line = line;
	}

	/** The current statement took effect; {@code committed} if it committed by itself. */
	void finished(boolean committed) {
		this.done++;
		if (committed) {
			this.committed++;
		}
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

	/** Everything done so far was committed: a rollback can no longer undo it. */
	void committedSoFar() {
		this.committed = this.done;
	}

	/** How many statements took effect that a rollback cannot undo. */
	int statementsCommitted() {
		return this.committed;
	}

}
