package dev.stepwise.migration.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;

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

	/**
	 * The current statement took effect; {@code committed} if it committed by itself, which
	 * commits every statement before it in the transaction too (the DML included).
	 */
	void finished(boolean committed) {
		this.done++;
		if (committed) {
			this.committed = this.done;
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

	/**
	 * Commits what the migration did so far, when it runs in a transaction: for work that
	 * must see it from connections of its own, or must run outside the transaction. A
	 * rollback can no longer undo it.
	 */
	void commitSoFar(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
			this.committed = this.done;
		}
	}

	/** How many statements took effect that a rollback cannot undo. */
	int statementsCommitted() {
		return this.committed;
	}

}
