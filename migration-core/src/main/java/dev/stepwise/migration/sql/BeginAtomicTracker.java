package dev.stepwise.migration.sql;

/**
 * PostgreSQL SQL-standard routine bodies: keeps
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ...; ... END} together
 * as one statement. Inside the body, {@code CASE ... END} expressions nest.
 */
final class BeginAtomicTracker implements BlockTracker {

	private enum Phase {

		FIRST_WORD, CREATE_HEADER, BODY, DONE

	}

	private Phase phase = Phase.FIRST_WORD;

	private int depth;

	private int openedAtLine;

	/** Line of a BEGIN just seen outside a body, or 0: only BEGIN ATOMIC opens one. */
	private int beginLine;

	@Override
	public boolean wantsWords() {
		return this.phase != Phase.DONE;
	}

	@Override
	public void word(String text, int start, int end, int line) {
		switch (this.phase) {
			case FIRST_WORD -> this.phase = BlockTracker.is(text, start, end, "CREATE") ? Phase.CREATE_HEADER : Phase.DONE;
			case CREATE_HEADER -> {
				if (BlockTracker.is(text, start, end, "FUNCTION") || BlockTracker.is(text, start, end, "PROCEDURE")) {
					this.phase = Phase.BODY;
				}
				else if (!BlockTracker.is(text, start, end, "OR") && !BlockTracker.is(text, start, end, "REPLACE")) {
					this.phase = Phase.DONE;
				}
			}
			case BODY -> bodyWord(text, start, end, line);
			case DONE -> {
			}
		}
	}

	private void bodyWord(String text, int start, int end, int line) {
		if (this.depth == 0) {
			if (this.beginLine > 0 && BlockTracker.is(text, start, end, "ATOMIC")) {
				this.depth = 1;
				this.openedAtLine = this.beginLine;
			}
			this.beginLine = BlockTracker.is(text, start, end, "BEGIN") ? line : 0;
		}
		else if (BlockTracker.is(text, start, end, "CASE")) {
			this.depth++;
		}
		else if (BlockTracker.is(text, start, end, "END")) {
			this.depth--;
		}
	}

	@Override
	public void symbol(char c) {
		this.beginLine = 0;
		if (this.phase != Phase.BODY) {
			this.phase = Phase.DONE;
		}
	}

	@Override
	public boolean isOpen() {
		return this.depth > 0;
	}

	@Override
	public int openedAtLine() {
		return this.openedAtLine;
	}

	@Override
	public String unclosedFix() {
		return "Add the missing END that closes BEGIN ATOMIC.";
	}

	@Override
	public void reset() {
		this.phase = Phase.FIRST_WORD;
		this.depth = 0;
		this.beginLine = 0;
	}

}
