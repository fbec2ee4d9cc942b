package dev.stepwise.migration.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stepwise.migration.api.StepwiseException;
import org.jspecify.annotations.Nullable;

/**
 * Splits the text of one script into statements in a single pass over its characters.
 * <p>
 * Each step looks at the character under the cursor and either:
 * <ol>
 * <li>ends the statement, at the delimiter, unless a body ({@link BlockTracker}) is open;</li>
 * <li>skips a line or block comment (kept in the statement text when it lies inside the
 * statement, dropped when it lies before or after it);</li>
 * <li>jumps over a string, quoted identifier, dollar quote or executable comment as one
 * significant token, so the delimiters inside it do not count;</li>
 * <li>reads a word (and feeds it to the {@link BlockTracker}), or a {@code DELIMITER}
 * command line at the start of a statement;</li>
 * <li>or takes any other character as a significant one-character token.</li>
 * </ol>
 * A statement runs from its first significant character to its last one. On PostgreSQL the
 * lines after {@code COPY ... FROM stdin;} are its data, up to a line {@code \.}.
 * <p>
 * Over 400 lines on purpose: one scanner loop whose states (comments, quotes, dollar quotes,
 * blocks, {@code DELIMITER}, {@code COPY} data) must see each other; the block rules already
 * live in their own trackers.
 */
final class StatementSplitter {

	private static final String DEFAULT_DELIMITER = ";";

	private static final String NO_TRANSACTION_DIRECTIVE = "stepwise:no-transaction";

	private static final int SNIPPET_LENGTH = 30;

	private final String scriptName;

	private final String text;

	private final int length;

	private final SqlSyntax syntax;

	private final BlockTracker blocks;

	private final List<Statement> statements = new ArrayList<>();

	private int position;

	private int line = 1;

	private String delimiter = DEFAULT_DELIMITER;

	/** Whether a word may run into the delimiter ({@code END$$}), so words check for it. */
	private boolean delimiterStartsLikeWord;

	private boolean trackBlocks;

	private boolean noTransactionDirective;

	private int statementStart = -1;

	private int statementLine;

	private int statementEnd;

	StatementSplitter(String scriptName, String text, SqlSyntax syntax) {
		this.scriptName = scriptName;
		this.text = text;
		this.length = text.length();
		this.syntax = syntax;
		this.blocks = syntax.newBlockTracker();
		this.trackBlocks = this.blocks != BlockTracker.NONE;
	}

	Result split() {
		while (this.position < this.length) {
			step();
		}
		if (this.statementStart >= 0) {
			if (this.blocks.isOpen()) {
				throw new StepwiseException(this.scriptName + " line " + this.blocks.openedAtLine()
						+ ": the body that starts here is not closed before the end of the script. "
						+ this.blocks.unclosedFix());
			}
			boolean copy = this.syntax.hasCopyFromStdin() && isCopyFromStdin();
			endStatement();
			if (copy) {
				// Nothing follows the last statement: its data is empty, as psql would read it.
				Statement last = this.statements.remove(this.statements.size() - 1);
				this.statements.add(new Statement(last.sql(), last.line(), ""));
			}
		}
		return new Result(List.copyOf(this.statements), this.noTransactionDirective);
	}

	private void step() {
		int at = this.position;
		char c = this.text.charAt(at);
		if (c == this.delimiter.charAt(0) && this.text.startsWith(this.delimiter, at)) {
			delimiter(at);
		}
		else if (c <= ' ' || Character.isWhitespace(c)) {
			advanceTo(at + 1);
		}
		else if (startsLineComment(at, c)) {
			lineComment(at);
		}
		else if (c == '/' && charAt(at + 1) == '*') {
			blockComment(at);
		}
		else if (c == '\'') {
			token(at, quotedEnd(at, '\'', this.syntax.hasBackslashEscapes()), c);
		}
		else if (c == '"') {
			token(at, quotedEnd(at, '"', this.syntax.hasBackslashEscapes()), c);
		}
		else if (c == '`' && this.syntax.hasBacktickIdentifiers()) {
			token(at, quotedEnd(at, '`', false), c);
		}
		else if (c == '$' && this.syntax.hasDollarQuotes()) {
			int end = dollarQuoteEnd(at);
			token(at, (end > 0) ? end : at + 1, c);
		}
		else if (this.syntax.isIdentifierStart(c)) {
			word(at);
		}
		else {
			token(at, at + 1, c);
		}
	}

	private void delimiter(int at) {
		int end = at + this.delimiter.length();
		if (this.statementStart < 0) {
			advanceTo(end);
			return;
		}
		if (this.trackBlocks) {
			this.blocks.symbol(';', this.line);
			if (this.blocks.isOpen()) {
				token(at, at + 1, ';');
				return;
			}
		}
		boolean copy = this.syntax.hasCopyFromStdin() && isCopyFromStdin();
		int copyLine = this.statementLine;
		endStatement();
		advanceTo(end);
		if (copy) {
			copyData(copyLine);
		}
	}

	private boolean isCopyFromStdin() {
		List<PostgresTokens.Token> tokens = PostgresTokens.read(this.text.substring(this.statementStart, this.statementEnd));
		if (tokens.isEmpty() || !tokens.get(0).text().equalsIgnoreCase("COPY")) {
			return false;
		}
		for (int i = 1; i + 1 < tokens.size(); i++) {
			if (tokens.get(i).text().equalsIgnoreCase("FROM") && tokens.get(i + 1).text().equalsIgnoreCase("STDIN")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The data of {@code COPY ... FROM stdin}, as psql reads it: the lines after the one
	 * the statement ends on, up to a line holding only {@code \.}.
	 */
	private void copyData(int copyLine) {
		int lineEnd = lineEnd(this.position);
		String rest = this.text.substring(this.position, lineEnd).strip();
		if (!rest.isEmpty() && !rest.startsWith("--")) {
			throw new StepwiseException(this.scriptName + " line " + this.line + ": unexpected text \""
					+ rest.substring(0, Math.min(rest.length(), SNIPPET_LENGTH)) + "\" after COPY ... FROM stdin. Its data"
					+ " starts on the next line; put the next statement after the line \\. that ends the data.");
		}
		int dataStart = nextLine(lineEnd);
		for (int at = dataStart; at < this.length; at = nextLine(lineEnd(at))) {
			int end = lineEnd(at);
			if (end - at == 2 && this.text.startsWith("\\.", at)) {
				Statement copy = this.statements.remove(this.statements.size() - 1);
				this.statements.add(new Statement(copy.sql(), copy.line(), this.text.substring(dataStart, at)));
				advanceTo(nextLine(end));
				return;
			}
		}
		throw new StepwiseException(this.scriptName + " line " + copyLine + ": the data of COPY ... FROM stdin is not"
				+ " ended by a line holding only \\. before the end of the script. Add that line after the last row.");
	}

	/** The start of the line after the line break at {@code lineEnd}. */
	private int nextLine(int lineEnd) {
		if (lineEnd < this.length && this.text.charAt(lineEnd) == '\r' && charAt(lineEnd + 1) == '\n') {
			return lineEnd + 2;
		}
		return Math.min(lineEnd + 1, this.length);
	}

	private boolean startsLineComment(int at, char c) {
		if (c == '-') {
			return charAt(at + 1) == '-' && (!this.syntax.needsWhitespaceAfterDashes() || charAt(at + 2) <= ' ');
		}
		if (c == '#') {
			return this.syntax.hasHashComments();
		}
		return c == '/' && this.syntax.hasDoubleSlashComments() && charAt(at + 1) == '/';
	}

	private void lineComment(int at) {
		int end = lineEnd(at);
		if (this.statementStart < 0 && this.statements.isEmpty()) {
			int bodyStart = at + ((this.text.charAt(at) == '#') ? 1 : 2);
			if (this.text.substring(bodyStart, end).strip().equalsIgnoreCase(NO_TRANSACTION_DIRECTIVE)) {
				this.noTransactionDirective = true;
			}
		}
		advanceTo(end);
	}

	private void blockComment(int at) {
		if (this.syntax.hasExecutableComments() && (charAt(at + 2) == '!' || (charAt(at + 2) == 'M' && charAt(at + 3) == '!'))) {
			int close = this.text.indexOf("*/", at + 2);
			if (close < 0) {
				throw unclosed(at, "executable comment", "Close it with */.");
			}
			token(at, close + 2, '/');
			return;
		}
		advanceTo(blockCommentEnd(at));
	}

	private int blockCommentEnd(int at) {
		boolean nests = this.syntax.nestsBlockComments();
		int depth = 1;
		int i = at + 2;
		while (i < this.length) {
			char c = this.text.charAt(i);
			if (c == '*' && charAt(i + 1) == '/') {
				i += 2;
				if (--depth == 0) {
					return i;
				}
			}
			else if (nests && c == '/' && charAt(i + 1) == '*') {
				depth++;
				i += 2;
			}
			else {
				i++;
			}
		}
		throw unclosed(at, "block comment", nests
				? "Close it with */ (comments nest here: every /* inside it needs its own */)." : "Close it with */.");
	}

	private int quotedEnd(int at, char quote, boolean backslashEscapes) {
		int i = at + 1;
		while (i < this.length) {
			char c = this.text.charAt(i);
			if (c == '\\' && backslashEscapes) {
				i += 2;
			}
			else if (c != quote) {
				i++;
			}
			else if (charAt(i + 1) == quote) {
				i += 2;
			}
			else {
				return i + 1;
			}
		}
		throw unclosedQuote(at, quote, backslashEscapes);
	}

	private StepwiseException unclosedQuote(int at, char quote, boolean backslashEscapes) {
		boolean string = quote == '\'' || (quote == '"' && this.syntax.hasDoubleQuotedStrings());
		String escapes = "write " + quote + quote + (backslashEscapes ? " or \\" + quote : "") + " for a "
				+ ((quote == '`') ? "backtick" : "quote") + " inside it";
		return unclosed(at, string ? "string literal" : "quoted identifier", "Close it with " + quote + ", and " + escapes + ".");
	}

	/**
	 * The end of the dollar-quoted string at {@code at}, or -1 when the dollar sign
	 * starts none (a parameter such as {@code $1}, or an operator).
	 */
	private int dollarQuoteEnd(int at) {
		int tagEnd = at + 1;
		if (charAt(tagEnd) != '$') {
			if (!this.syntax.hasTaggedDollarQuotes() || !isTagStart(charAt(tagEnd))) {
				return -1;
			}
			while (tagEnd < this.length && isTagPart(this.text.charAt(tagEnd))) {
				tagEnd++;
			}
			if (charAt(tagEnd) != '$') {
				return -1;
			}
		}
		tagEnd++;
		String tag = this.text.substring(at, tagEnd);
		int close = this.text.indexOf(tag, tagEnd);
		if (close < 0) {
			throw unclosed(at, "dollar-quoted string", "Close it with " + tag + ".");
		}
		return close + tag.length();
	}

	private static boolean isTagStart(char c) {
		return c == '_' || Character.isLetter(c);
	}

	private static boolean isTagPart(char c) {
		return c == '_' || Character.isLetterOrDigit(c);
	}

	private void word(int at) {
		if (this.statementStart < 0 && this.syntax.hasDelimiterCommand() && isDelimiterCommand(at)) {
			delimiterCommand(at);
			return;
		}
		int end = at + 1;
		while (end < this.length && this.syntax.isIdentifierPart(this.text.charAt(end))
				&& !(this.delimiterStartsLikeWord && this.text.startsWith(this.delimiter, end))) {
			end++;
		}
		if (end == at + 1 && charAt(end) == '\'' && this.syntax.hasEscapeStringPrefix()
				&& (this.text.charAt(at) == 'E' || this.text.charAt(at) == 'e')) {
			escapeString(at);
			return;
		}
		if (this.trackBlocks && this.blocks.wantsWords()) {
			this.blocks.word(this.text, at, end, this.line);
		}
		significant(at, end);
		advanceTo(end);
	}

	/** PostgreSQL {@code E'it\'s'}: backslash escapes, and doubled quotes as well. */
	private void escapeString(int at) {
		token(at, quotedEnd(at + 1, '\'', true), '\'');
	}

	private boolean isDelimiterCommand(int at) {
		int end = at + "DELIMITER".length();
		return this.text.regionMatches(true, at, "DELIMITER", 0, "DELIMITER".length())
				&& (end == this.length || this.text.charAt(end) <= ' ');
	}

	/**
	 * {@code DELIMITER xx}: a command of the MySQL client, not SQL. The new delimiter is
	 * the rest of the line, up to whitespace.
	 */
	private void delimiterCommand(int at) {
		int lineEnd = lineEnd(at);
		int start = at + "DELIMITER".length();
		while (start < lineEnd && this.text.charAt(start) <= ' ') {
			start++;
		}
		int end = start;
		while (end < lineEnd && this.text.charAt(end) > ' ') {
			end++;
		}
		if (start == end) {
			throw new StepwiseException(this.scriptName + " line " + this.line
					+ ": DELIMITER without a delimiter. Write the new delimiter after it, e.g. DELIMITER $$");
		}
		if (!this.text.substring(end, lineEnd).isBlank()) {
			throw new StepwiseException(this.scriptName + " line " + this.line + ": unexpected text after DELIMITER "
					+ this.text.substring(start, end) + ". Put DELIMITER on a line of its own.");
		}
		this.delimiter = this.text.substring(start, end);
		this.delimiterStartsLikeWord = this.syntax.isIdentifierPart(this.delimiter.charAt(0));
		this.trackBlocks = this.blocks != BlockTracker.NONE && this.delimiter.equals(DEFAULT_DELIMITER);
		advanceTo(lineEnd);
	}

	private void token(int at, int end, char first) {
		if (this.trackBlocks) {
			this.blocks.symbol(first, this.line);
		}
		significant(at, end);
		advanceTo(end);
	}

	private void significant(int start, int end) {
		if (this.statementStart < 0) {
			this.statementStart = start;
			this.statementLine = this.line;
		}
		this.statementEnd = end;
	}

	private void endStatement() {
		this.statements.add(new Statement(this.text.substring(this.statementStart, this.statementEnd), this.statementLine, null));
		this.statementStart = -1;
		this.blocks.reset();
	}

	/** Moves the cursor forward, counting the line breaks it passes ({@code \n}, {@code \r\n} or {@code \r}). */
	private void advanceTo(int end) {
		for (int i = this.position; i < end; i++) {
			char c = this.text.charAt(i);
			if (c == '\n' || (c == '\r' && charAt(i + 1) != '\n')) {
				this.line++;
			}
		}
		this.position = end;
	}

	private int lineEnd(int at) {
		int i = at;
		while (i < this.length && this.text.charAt(i) != '\n' && this.text.charAt(i) != '\r') {
			i++;
		}
		return i;
	}

	private char charAt(int i) {
		return (i < this.length) ? this.text.charAt(i) : 0;
	}

	private StepwiseException unclosed(int at, String what, String fix) {
		String start = this.text.substring(at, Math.min(lineEnd(at), at + SNIPPET_LENGTH));
		return new StepwiseException(String.format(Locale.ROOT, "%s line %d: %s starting at \"%s\" is not closed before the end of the script. %s",
				this.scriptName, this.line, what, start, fix));
	}

	/** A statement's text, the line it starts on, and the data of a {@code COPY ... FROM stdin}. */
	record Statement(String sql, int line, @Nullable String copyData) {

	}

	/** The statements of a script, and whether it asked to run without a transaction. */
	record Result(List<Statement> statements, boolean noTransactionDirective) {

	}

}
