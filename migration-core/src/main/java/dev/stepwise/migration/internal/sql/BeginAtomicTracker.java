package dev.stepwise.migration.internal.sql;

/**
 * PostgreSQL's bodies whose semicolons do not end the statement, as psql reads them:
 * <ul>
 * <li>SQL-standard routine bodies,
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ...; ... END}, inside
 * which {@code CASE ... END} expressions nest;</li>
 * <li>parentheses, such as the actions of a multi-action rule,
 * {@code CREATE RULE r AS ON INSERT TO a DO ALSO (INSERT ...; INSERT ...)}.</li>
 * </ul>
 */
final class BeginAtomicTracker implements BlockTracker {

	private enum Phase {

		FIRST_WORD, CREATE_HEADER, BODY, DONE

	}

	private Phase phase = Phase.FIRST_WORD;

	private int depth;

	private int parentheses;

	private int parenthesisLine;

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
	public void symbol(char c, int line) {
		this.beginLine = 0;
		if (c == '(') {
			if (this.parentheses++ == 0) {
				this.parenthesisLine = line;
			}
		}
		else if (c == ')' && this.parentheses > 0) {
			// psql ignores a surplus closing parenthesis; so must we, to split as it does.
			this.parentheses--;
		}
		if (this.phase != Phase.BODY) {
			this.phase = Phase.DONE;
		}
	}

	@Override
	public boolean isOpen() {
		return this.depth > 0 || this.parentheses > 0;
	}

	@Override
	public int openedAtLine() {
		return (this.depth > 0) ? this.openedAtLine : this.parenthesisLine;
	}

	@Override
	public String unclosedFix() {
		return (this.depth > 0) ? "Add the missing END that closes BEGIN ATOMIC."
				: "Add the missing ) that closes the parenthesis opened on this line: until it is closed, a ; does not end"
						+ " the statement.";
	}

	@Override
	public void reset() {
		this.phase = Phase.FIRST_WORD;
		this.depth = 0;
		this.parentheses = 0;
		this.beginLine = 0;
	}

}
