package dev.stepwise.migration.internal.sql;

import java.util.BitSet;

/**
 * MySQL and MariaDB stored programs written without {@code DELIMITER}: keeps
 * {@code CREATE [OR REPLACE] [DEFINER = user] PROCEDURE|FUNCTION|TRIGGER|EVENT ... END}
 * (and MariaDB's {@code BEGIN NOT ATOMIC ... END}) together as one statement.
 * <p>
 * Inside such a statement it keeps a count of the open blocks that {@code END} closes:
 * <ol>
 * <li>{@code BEGIN} always opens one;</li>
 * <li>{@code IF}, {@code LOOP}, {@code WHILE}, {@code REPEAT}, {@code FOR} and
 * {@code CASE} open one only where a statement starts (after {@code ;}, a label
 * {@code lbl:}, {@code BEGIN}, {@code THEN}, {@code ELSE}, the {@code DO} of a loop or an
 * event, {@code LOOP}, {@code REPEAT}, or a trigger's {@code FOR EACH ROW}), so {@code IF(a, b, c)},
 * {@code REPEAT('x', 3)}, {@code IF EXISTS} and {@code FOR UPDATE} open nothing;</li>
 * <li>{@code CASE} elsewhere is an expression, also closed by {@code END}; after its
 * {@code THEN} and {@code ELSE} come expressions, not statements;</li>
 * <li>{@code END} closes the innermost block, and the word after it ({@code END IF},
 * {@code END CASE}, a label) opens nothing.</li>
 * </ol>
 * Columns named {@code end} and {@code begin} keep the statement whole: after a dot
 * ({@code NEW.end}), an operator, a comma or {@code SELECT} they are names; {@code END}
 * closes a {@code BEGIN}, {@code IF}, loop or {@code CASE} statement only where a
 * statement may start (after {@code ;} or the word that opened it) or after the
 * condition of {@code UNTIL}; {@code BEGIN} opens a block only as the routine's body, where
 * a statement may start, or as a handler's body.
 * MariaDB's compound statements outside stored programs ({@code IF}, {@code CASE},
 * {@code LOOP}, {@code WHILE}, {@code REPEAT}, {@code FOR} at the start of a statement) are
 * kept together the same way.
 * <p>
 * A routine whose whole body is a bare {@code IF}/{@code LOOP}/... statement, without
 * {@code BEGIN}, needs {@code DELIMITER} lines (triggers and events do not).
 */
final class CompoundStatementTracker implements BlockTracker {

	private enum Phase {

		/** Nothing seen yet. */
		FIRST_WORD,

		/** {@code BEGIN}: {@code BEGIN NOT ATOMIC} opens a block, {@code BEGIN WORK} does not. */
		AFTER_BEGIN,

		/** {@code CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE]}. */
		CREATE_HEADER,

		/** Inside a stored program: count blocks. */
		BODY,

		/** Not a stored program: nothing to track. */
		DONE

	}

	private Phase phase = Phase.FIRST_WORD;

	private int depth;

	/** Bit n: the block at depth n is a CASE expression. */
	private final BitSet caseExpressions = new BitSet();

	private int openedAtLine;

	private int beginLine;

	private boolean atStatementStart;

	/** The previous token was a word that started a statement: a label, if a colon follows. */
	private boolean afterLabel;

	private boolean afterEnd;

	/** The previous token of the header, or 0 after a word: a user name follows = or @. */
	private char previousSymbol;

	/** After DECLARE ... HANDLER: a BEGIN before the next ; opens the handler's body. */
	private boolean handlerBody;

	/** After UNTIL: the END after its condition closes the REPEAT. */
	private boolean untilCondition;

	/** The previous token was a dot: BEGIN or END next is a qualified column name ({@code NEW.end}). */
	private boolean afterDot;

	/** The previous token was an operator, a comma or SELECT: BEGIN and END there are column names. */
	private boolean operandExpected;

	@Override
	public boolean wantsWords() {
		return this.phase != Phase.DONE;
	}

	@Override
	public void word(String text, int start, int end, int line) {
		switch (this.phase) {
			case FIRST_WORD -> firstWord(text, start, end, line);
			case AFTER_BEGIN -> {
				if (BlockTracker.is(text, start, end, "NOT")) {
					this.phase = Phase.BODY;
					open(this.beginLine, false);
				}
				else {
					this.phase = Phase.DONE;
				}
			}
			case CREATE_HEADER -> headerWord(text, start, end);
			case BODY -> bodyWord(text, start, end, line);
			case DONE -> {
			}
		}
	}

	private void firstWord(String text, int start, int end, int line) {
		if (opensTopLevelCompound(text, start, end)) {
			this.phase = Phase.BODY;
			this.atStatementStart = true;
			bodyWord(text, start, end, line);
		}
		else if (BlockTracker.is(text, start, end, "CREATE")) {
			this.phase = Phase.CREATE_HEADER;
		}
		else if (BlockTracker.is(text, start, end, "BEGIN")) {
			this.phase = Phase.AFTER_BEGIN;
			this.beginLine = line;
		}
		else {
			this.phase = Phase.DONE;
		}
	}

	/** MariaDB runs {@code IF ... END IF} and the like outside stored programs. */
	private static boolean opensTopLevelCompound(String text, int start, int end) {
		return BlockTracker.is(text, start, end, "IF") || BlockTracker.is(text, start, end, "CASE")
				|| BlockTracker.is(text, start, end, "LOOP") || BlockTracker.is(text, start, end, "WHILE")
				|| BlockTracker.is(text, start, end, "REPEAT") || BlockTracker.is(text, start, end, "FOR");
	}

	private void headerWord(String text, int start, int end) {
		if (BlockTracker.is(text, start, end, "PROCEDURE") || BlockTracker.is(text, start, end, "FUNCTION")
				|| BlockTracker.is(text, start, end, "TRIGGER") || BlockTracker.is(text, start, end, "EVENT")) {
			this.phase = Phase.BODY;
		}
		else if (!BlockTracker.is(text, start, end, "OR") && !BlockTracker.is(text, start, end, "REPLACE")
				&& !BlockTracker.is(text, start, end, "DEFINER") && !BlockTracker.is(text, start, end, "AGGREGATE")
				&& this.previousSymbol != '=' && this.previousSymbol != '@') {
			this.phase = Phase.DONE;
		}
		this.previousSymbol = 0;
	}

	private void bodyWord(String text, int start, int end, int line) {
		boolean statementStart = this.atStatementStart;
		boolean previousWasEnd = this.afterEnd;
		boolean qualified = this.afterDot;
		boolean operand = this.operandExpected;
		this.atStatementStart = false;
		this.afterEnd = false;
		this.afterLabel = false;
		this.afterDot = false;
		this.operandExpected = BlockTracker.is(text, start, end, "SELECT");
		if ((qualified || operand) && (BlockTracker.is(text, start, end, "END") || BlockTracker.is(text, start, end, "BEGIN"))) {
			// NEW.end, SET x = begin: a column, not a keyword.
		}
		else if (BlockTracker.is(text, start, end, "END")) {
			boolean caseExpression = this.depth > 0 && this.caseExpressions.get(this.depth - 1);
			if (this.depth > 0 && (statementStart || caseExpression || this.untilCondition)) {
				this.untilCondition &= caseExpression;
				this.depth--;
				this.afterEnd = true;
			}
		}
		else if (BlockTracker.is(text, start, end, "UNTIL")) {
			this.untilCondition = true;
		}
		else if (BlockTracker.is(text, start, end, "BEGIN")) {
			// The routine's body, a statement, or a handler's body; elsewhere (WHERE begin = 1) a column.
			if (this.depth == 0 || statementStart || this.handlerBody) {
				open(line, false);
				this.atStatementStart = true;
				this.handlerBody = false;
			}
		}
		else if (BlockTracker.is(text, start, end, "HANDLER")) {
			this.handlerBody = true;
		}
		else if (BlockTracker.is(text, start, end, "CASE")) {
			if (!previousWasEnd) {
				open(line, !statementStart);
			}
		}
		else if (BlockTracker.is(text, start, end, "LOOP") || BlockTracker.is(text, start, end, "REPEAT")) {
			if (statementStart) {
				open(line, false);
				this.atStatementStart = true;
			}
		}
		else if (BlockTracker.is(text, start, end, "IF") || BlockTracker.is(text, start, end, "WHILE")
				|| BlockTracker.is(text, start, end, "FOR")) {
			if (statementStart) {
				open(line, false);
			}
		}
		else if (BlockTracker.is(text, start, end, "THEN") || BlockTracker.is(text, start, end, "ELSE")) {
			this.atStatementStart = this.depth == 0 || !this.caseExpressions.get(this.depth - 1);
		}
		else if (BlockTracker.is(text, start, end, "DO")) {
			// WHILE ... DO and an event's DO are followed by a statement; the DO statement by an expression.
			this.atStatementStart = !statementStart;
		}
		else {
			this.atStatementStart = BlockTracker.is(text, start, end, "ROW") || BlockTracker.is(text, start, end, "ATOMIC");
			this.afterLabel = statementStart;
		}
	}

	private void open(int line, boolean caseExpression) {
		if (this.depth == 0) {
			this.openedAtLine = line;
		}
		this.caseExpressions.set(this.depth, caseExpression);
		this.depth++;
	}

	@Override
	public void symbol(char c, int line) {
		this.atStatementStart = c == ';' || (c == ':' && this.afterLabel);
		this.handlerBody &= c != ';';
		this.afterDot = c == '.';
		this.operandExpected = c == '=' || c == ',' || c == '(' || c == '+' || c == '-' || c == '*' || c == '/'
				|| c == '<' || c == '>';
		this.afterEnd = false;
		this.afterLabel = false;
		if (this.phase == Phase.CREATE_HEADER) {
			this.previousSymbol = c;
		}
		else if (this.phase == Phase.FIRST_WORD || this.phase == Phase.AFTER_BEGIN) {
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
		return "Add the missing END, or put the statement between DELIMITER lines "
				+ "(DELIMITER $$ before it, $$ after it, DELIMITER ; after that).";
	}

	@Override
	public void reset() {
		this.phase = Phase.FIRST_WORD;
		this.depth = 0;
		this.atStatementStart = false;
		this.afterLabel = false;
		this.afterEnd = false;
		this.previousSymbol = 0;
		this.afterDot = false;
		this.operandExpected = false;
		this.untilCondition = false;
		this.handlerBody = false;
	}

}
