package dev.stepwise.migration.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The four lists a generated migration fills. The undo of each difference is collected on its
 * own and then put in front of the undo of the ones before it, so the undo runs the
 * differences backwards while each difference's own undo keeps its order.
 */
final class ScriptParts {

	private final List<String> up = new ArrayList<>();

	private final List<String> down = new ArrayList<>();

	private final List<String> upWithoutTransaction = new ArrayList<>();

	private final List<String> downWithoutTransaction = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private List<String> pendingDown = new ArrayList<>();

	private List<String> pendingDownWithoutTransaction = new ArrayList<>();

	void up(String statement) {
		this.up.add(statement);
	}

	void up(List<String> statements) {
		this.up.addAll(statements);
	}

	void down(String statement) {
		this.pendingDown.add(statement);
	}

	void down(List<String> statements) {
		this.pendingDown.addAll(statements);
	}

	void upWithoutTransaction(String statement) {
		this.upWithoutTransaction.add(statement);
	}

	void downWithoutTransaction(String statement) {
		this.pendingDownWithoutTransaction.add(statement);
	}

	void note(String note) {
		this.notes.add(note);
	}

	/** Ends one difference: its undo goes before the undo of the earlier ones. */
	void endDifference() {
		this.down.addAll(0, this.pendingDown);
		this.downWithoutTransaction.addAll(0, this.pendingDownWithoutTransaction);
		this.pendingDown = new ArrayList<>();
		this.pendingDownWithoutTransaction = new ArrayList<>();
	}

	GeneratedMigration migration() {
		endDifference();
		return new GeneratedMigration(this.up, this.down, this.upWithoutTransaction, this.downWithoutTransaction,
				this.notes);
	}

}
