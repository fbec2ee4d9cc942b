package dev.stepwise.migration.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import dev.stepwise.migration.api.DatabaseType;

/**
 * Builds random scripts for one dialect out of known statements, so a test can check
 * that the parser returns exactly those statements. Statements are token lists joined by
 * random separators (whitespace, CRLF, comments); strings, quoted identifiers, dollar
 * quotes and comments are stuffed with delimiters, quotes and comment markers.
 * <p>
 * Over 400 lines on purpose: one generator per vendor's statement kinds, kept together so the
 * parser tests draw from one vocabulary.
 */
final class RandomScripts {

	/** A statement the parser must find. */
	record Expected(String sql, int line, String copyData) {

	}

	/** A script and the statements it is made of. */
	record Script(String text, List<Expected> statements) {

	}

	/** Words the random identifiers must not be, since they steer the parser. */
	private static final Set<String> STEERING_WORDS = Set.of("begin", "end", "if", "then", "else", "elseif", "case", "when",
			"loop", "repeat", "while", "for", "do", "row", "atomic", "not", "create", "delimiter", "until", "or", "replace",
			"definer", "procedure", "function", "trigger", "event", "aggregate");

	/** Identifiers that look like trouble but are not: the parser must leave them alone. */
	private static final List<String> TRICKY_WORDS = List.of("end_date", "begin_at", "case_no", "ifnull", "e", "E2", "_tmp",
			"delimiter_x", "atomic_v", "row_count", "endif", "x1", "do_it", "u");

	private static final List<String> PUNCTUATION = List.of("(", ")", ",", "=", "+", ".", ":", "*", "<", ">", "..");

	/** Characters for strings and comments: delimiters and quote and comment markers, often. */
	private static final List<String> CONTENT = List.of(";", ";", ";", ";", "a", "b", "Z", " ", " ", "--", "-- ", "/*", "*/",
			"#", "//", "$$", "$", ";;", "\n", "\r\n", "END", "BEGIN", "'", "\"", "`", "\\", "stepwise", "é", "\t");

	private final Random random;

	private final DatabaseType type;

	private final boolean mySql;

	private final boolean postgresql;

	private final StringBuilder text = new StringBuilder();

	private final List<Integer> starts = new ArrayList<>();

	private final List<String> sqls = new ArrayList<>();

	/** The data of each statement that is a {@code COPY ... FROM stdin}, else null. */
	private final List<String> copyData = new ArrayList<>();

	private String delimiter = ";";

	RandomScripts(DatabaseType type, Random random) {
		this.type = type;
		this.random = random;
		this.mySql = type.isMySqlFamily();
		this.postgresql = type == DatabaseType.POSTGRESQL;
	}

	Script next() {
		this.text.setLength(0);
		this.starts.clear();
		this.sqls.clear();
		this.copyData.clear();
		this.delimiter = ";";
		gap();
		int count = this.random.nextInt(9);
		boolean delimited = true;
		for (int i = 0; i < count; i++) {
			if (this.mySql && chance(8)) {
				changeDelimiter(this.delimiter.equals(";") ? pick(List.of("$$", "//", ";;")) : ";");
			}
			if (this.postgresql && chance(10)) {
				copyFromStdin();
				continue;
			}
			statement(tokens());
			boolean last = i == count - 1;
			if (!last || this.random.nextBoolean()) {
				if (chance(3)) {
					this.text.append(separator());
				}
				this.text.append(this.delimiter);
				gap();
			}
			else {
				delimited = false;
				if (this.random.nextBoolean()) {
					this.text.append(this.random.nextBoolean() ? whitespace() : comment());
				}
			}
		}
		if (delimited && !this.delimiter.equals(";") && this.random.nextBoolean()) {
			changeDelimiter(";");
		}
		return new Script(this.text.toString(), expected());
	}

	private List<Expected> expected() {
		List<Expected> expected = new ArrayList<>();
		int line = 1;
		int counted = 0;
		for (int i = 0; i < this.starts.size(); i++) {
			int start = this.starts.get(i);
			for (; counted < start; counted++) {
				char c = this.text.charAt(counted);
				if (c == '\n' || (c == '\r' && this.text.charAt(counted + 1) != '\n')) {
					line++;
				}
			}
			expected.add(new Expected(this.sqls.get(i), line, this.copyData.get(i)));
		}
		return expected;
	}

	private void changeDelimiter(String delimiter) {
		this.text.append(eol()).append(pick(List.of("DELIMITER", "delimiter", "Delimiter"))).append(' ').append(delimiter);
		if (chance(3)) {
			this.text.append(" \t");
		}
		this.text.append(eol());
		this.delimiter = delimiter;
		gap();
	}

	private void statement(List<String> tokens) {
		if (this.postgresql) {
			closeParentheses(tokens);
		}
		StringBuilder sql = new StringBuilder(tokens.get(0));
		for (int i = 1; i < tokens.size(); i++) {
			sql.append(separatorBetween(tokens.get(i - 1), tokens.get(i))).append(tokens.get(i));
		}
		this.starts.add(this.text.length());
		this.sqls.add(sql.toString());
		this.copyData.add(null);
		this.text.append(sql);
	}

	/**
	 * {@code COPY ... FROM stdin;}, the rest of its line blank or a comment, then data lines
	 * full of delimiters, quotes and comment markers, up to a line {@code \.}.
	 */
	private void copyFromStdin() {
		List<String> tokens = new ArrayList<>(List.of(pick(List.of("COPY", "copy")), word()));
		if (this.random.nextBoolean()) {
			tokens.addAll(List.of("(", word(), ",", word(), ")"));
		}
		tokens.addAll(List.of("FROM", pick(List.of("stdin", "STDIN", "Stdin"))));
		if (this.random.nextBoolean()) {
			tokens.addAll(List.of("WITH", "(", "FORMAT", "csv", ")"));
		}
		statement(tokens);
		this.text.append(this.delimiter);
		this.text.append(pick(List.of("", " ", "\t")));
		this.text.append(this.random.nextBoolean() ? lineComment() : eol());
		StringBuilder data = new StringBuilder();
		int lines = this.random.nextInt(4);
		for (int i = 0; i < lines; i++) {
			data.append(content(10, List.of("\n", "\r"))).append("\t").append(content(4, List.of("\n", "\r"))).append(eol());
		}
		this.copyData.set(this.copyData.size() - 1, data.toString());
		this.text.append(data).append("\\.").append(eol());
		gap();
	}

	/** A PostgreSQL rule with several actions in parentheses, each ended by a semicolon but the last. */
	private List<String> postgresqlRule() {
		List<String> tokens = new ArrayList<>(List.of("CREATE", "RULE", word(), "AS", "ON", pick(List.of("INSERT", "UPDATE")),
				"TO", word(), "DO", pick(List.of("ALSO", "INSTEAD")), "("));
		int actions = 1 + this.random.nextInt(3);
		for (int i = 0; i < actions; i++) {
			if (i > 0) {
				tokens.add(";");
			}
			tokens.addAll(List.of("INSERT", "INTO", word(), "VALUES", "("));
			int pieces = 1 + this.random.nextInt(3);
			while (pieces > 0) {
				// A parenthesis here would move the action's end: keep them out.
				String piece = piece();
				if (!piece.equals("(") && !piece.equals(")")) {
					tokens.add(piece);
					pieces--;
				}
			}
			tokens.add(")");
		}
		if (this.random.nextBoolean()) {
			tokens.add(";");
		}
		tokens.add(")");
		return tokens;
	}

	/** psql reads a ; inside parentheses as part of the statement: leave none open. */
	private static void closeParentheses(List<String> tokens) {
		int depth = 0;
		for (String token : tokens) {
			if (token.equals("(")) {
				depth++;
			}
			else if (token.equals(")") && depth > 0) {
				depth--;
			}
		}
		for (int i = 0; i < depth; i++) {
			tokens.add(")");
		}
	}

	/** Between statements: nothing significant, but empty statements are fine. */
	private void gap() {
		int items = this.random.nextInt(4);
		for (int i = 0; i < items; i++) {
			switch (this.random.nextInt(4)) {
				case 0 -> this.text.append(whitespace());
				case 1 -> this.text.append(lineComment());
				case 2 -> this.text.append(blockComment(0));
				default -> this.text.append(this.delimiter);
			}
		}
		if (chance(2)) {
			this.text.append(eol());
		}
	}

	private String separatorBetween(String previous, String next) {
		boolean mayTouch = PUNCTUATION.contains(previous) || PUNCTUATION.contains(next);
		if (mayTouch && chance(4)) {
			return "";
		}
		return separator();
	}

	private String separator() {
		return switch (this.random.nextInt(6)) {
			case 0 -> comment();
			case 1 -> whitespace() + comment() + (this.random.nextBoolean() ? whitespace() : "");
			default -> whitespace();
		};
	}

	private String comment() {
		return this.random.nextBoolean() ? lineComment() : blockComment(0);
	}

	private String whitespace() {
		StringBuilder whitespace = new StringBuilder();
		int length = 1 + this.random.nextInt(3);
		for (int i = 0; i < length; i++) {
			whitespace.append(pick(List.of(" ", " ", "\t", "\n", "\r\n", "  ", chance(10) ? "\r" : " ")));
		}
		return whitespace.toString();
	}

	private String eol() {
		return this.random.nextBoolean() ? "\n" : "\r\n";
	}

	private String lineComment() {
		String start;
		if (this.mySql) {
			start = pick(List.of("-- ", "--\t", "#", "# "));
		}
		else if (this.postgresql) {
			start = pick(List.of("--", "-- ", "---"));
		}
		else {
			start = pick(List.of("--", "-- ", "//"));
		}
		return start + content(12, List.of("\n", "\r\n", "\r")) + eol();
	}

	private String blockComment(int depth) {
		while (true) {
			StringBuilder inside = new StringBuilder();
			int parts = this.random.nextInt(4);
			for (int i = 0; i < parts; i++) {
				if (this.mySql && chance(4)) {
					// Comments do not nest on MySQL: this opener is just text.
					inside.append("/*");
				}
				else if (!this.mySql && depth < 2 && chance(3)) {
					inside.append(blockComment(depth + 1));
				}
				else {
					inside.append(content(6, List.of("*/", "/*", "//", "*", "/")));
				}
			}
			if (!this.mySql || !inside.toString().contains("*/")) {
				return "/* " + inside + " */";
			}
		}
	}

	/** Random content without the excluded pieces, checked on the result since pieces can meet. */
	private String content(int maxPieces, List<String> excluded) {
		while (true) {
			StringBuilder content = new StringBuilder();
			int pieces = this.random.nextInt(maxPieces + 1);
			for (int i = 0; i < pieces; i++) {
				content.append(pick(CONTENT));
			}
			String candidate = content.toString();
			if (excluded.stream().noneMatch(candidate::contains)) {
				return candidate;
			}
		}
	}

	private List<String> tokens() {
		if (this.mySql && chance(3)) {
			return mySqlRoutine();
		}
		if (this.postgresql && chance(6)) {
			return postgresqlRoutine();
		}
		if (this.postgresql && chance(6)) {
			return postgresqlRule();
		}
		List<String> tokens = new ArrayList<>();
		for (String keyword : pick(firstWords()).split(" ")) {
			tokens.add(keyword);
		}
		if (tokens.size() == 1 && tokens.get(0).equals("BEGIN")) {
			return tokens;
		}
		expression(tokens, this.random.nextInt(8));
		return tokens;
	}

	private List<String> firstWords() {
		if (this.mySql) {
			return List.of("SELECT", "INSERT INTO", "UPDATE", "DELETE FROM", "CREATE TABLE", "ALTER TABLE", "SET", "BEGIN",
					"BEGIN WORK", "START TRANSACTION", "CALL", "CREATE VIEW", "select", "CREATE INDEX");
		}
		if (this.postgresql) {
			return List.of("SELECT", "INSERT INTO", "UPDATE", "DELETE FROM", "CREATE TABLE", "ALTER TABLE", "COMMENT ON", "DO",
					"BEGIN", "CREATE INDEX", "select", "CREATE VIEW");
		}
		return List.of("SELECT", "INSERT INTO", "UPDATE", "MERGE INTO", "CREATE TABLE", "CREATE ALIAS", "select", "CALL");
	}

	private void expression(List<String> tokens, int pieces) {
		for (int i = 0; i < pieces; i++) {
			tokens.add(piece());
		}
	}

	private String piece() {
		return switch (this.random.nextInt(this.mySql ? 13 : 12)) {
			case 0, 1 -> word();
			case 2 -> String.valueOf(this.random.nextInt(1000));
			case 3, 4 -> pick(PUNCTUATION);
			case 5, 6 -> quoted('\'', this.mySql);
			case 7 -> this.mySql ? quoted('"', true) : quoted('"', false);
			case 8 -> this.mySql ? quoted('`', false) : dollarQuoted();
			case 9 -> this.postgresql ? escapeString() : this.mySql ? "5--3" : quoted('\'', false);
			case 10 -> this.postgresql ? "$" + (1 + this.random.nextInt(9)) : this.mySql ? executableComment() : word();
			case 11 -> this.postgresql ? "U&" + quoted('\'', false) : this.mySql ? "@" : quoted('"', false);
			default -> (this.delimiter.equals("$$") || this.delimiter.equals("//")) ? ";" : word();
		};
	}

	private String word() {
		if (chance(3)) {
			return pick(TRICKY_WORDS);
		}
		while (true) {
			StringBuilder word = new StringBuilder();
			word.append((char) ('a' + this.random.nextInt(26)));
			int length = this.random.nextInt(7);
			for (int i = 0; i < length; i++) {
				word.append("abcdefghijklmnopqrstuvwxyz0123456789_".charAt(this.random.nextInt(37)));
			}
			if (!this.type.equals(DatabaseType.H2) && chance(8)) {
				word.append("$x");
			}
			String candidate = this.random.nextBoolean() ? word.toString() : word.toString().toUpperCase(Locale.ROOT);
			if (!STEERING_WORDS.contains(candidate.toLowerCase(Locale.ROOT))) {
				return candidate;
			}
		}
	}

	/**
	 * A string or quoted identifier, with the quote doubled inside it, or escaped with a
	 * backslash where that works.
	 */
	private String quoted(char quote, boolean backslashEscapes) {
		StringBuilder quoted = new StringBuilder().append(quote);
		int pieces = this.random.nextInt(8);
		for (int i = 0; i < pieces; i++) {
			String piece = pick(CONTENT);
			if (piece.equals(String.valueOf(quote))) {
				piece = (backslashEscapes && this.random.nextBoolean()) ? "\\" + quote : piece + piece;
			}
			else if (piece.equals("\\")) {
				piece = backslashEscapes ? pick(List.of("\\\\", "\\n", "\\;")) : piece;
			}
			quoted.append(piece);
		}
		return quoted.append(quote).toString();
	}

	private String escapeString() {
		return pick(List.of("E", "e")) + quoted('\'', true);
	}

	private String dollarQuoted() {
		String tag = this.postgresql ? pick(List.of("$$", "$$", "$fn$", "$_b1$", "$body$")) : "$$";
		while (true) {
			String content = content(8, List.of());
			if ((content + tag).indexOf(tag) == content.length()) {
				return tag + content + tag;
			}
		}
	}

	private String executableComment() {
		return pick(List.of("/*!", "/*!40101 ", "/*M!100100 ")) + content(6, List.of("*/")) + " */";
	}

	/** PostgreSQL functions: a dollar-quoted body, or a BEGIN ATOMIC one. */
	private List<String> postgresqlRoutine() {
		List<String> tokens = new ArrayList<>(List.of("CREATE"));
		if (this.random.nextBoolean()) {
			tokens.addAll(List.of("OR", "REPLACE"));
		}
		tokens.addAll(List.of(pick(List.of("FUNCTION", "PROCEDURE", "function")), word(), "("));
		expression(tokens, this.random.nextInt(3));
		tokens.addAll(List.of(")", "LANGUAGE"));
		if (this.random.nextBoolean()) {
			tokens.addAll(List.of("plpgsql", "AS", dollarQuoted()));
			return tokens;
		}
		tokens.addAll(List.of("sql", "BEGIN", "ATOMIC"));
		int statements = this.random.nextInt(4);
		for (int i = 0; i < statements; i++) {
			tokens.add("SELECT");
			if (this.random.nextBoolean()) {
				tokens.addAll(List.of("CASE", "WHEN"));
				expression(tokens, 1 + this.random.nextInt(2));
				tokens.add("THEN");
				expression(tokens, 1 + this.random.nextInt(2));
				tokens.add("END");
			}
			expression(tokens, this.random.nextInt(4));
			tokens.add(";");
		}
		tokens.add(pick(List.of("END", "end")));
		return tokens;
	}

	/** MySQL stored programs and MariaDB anonymous blocks, with nested compound statements. */
	private List<String> mySqlRoutine() {
		List<String> tokens = new ArrayList<>();
		int kind = this.random.nextInt(7);
		if (kind == 6) {
			// MariaDB runs IF, CASE, LOOP, WHILE, REPEAT and FOR outside stored programs, unlabelled.
			compound(tokens, 1, false);
			return tokens;
		}
		if (kind == 5) {
			tokens.addAll(List.of("BEGIN", "NOT", "ATOMIC"));
			body(tokens, 0);
			tokens.add("END");
			return tokens;
		}
		tokens.add("CREATE");
		if (chance(3)) {
			tokens.addAll(List.of("OR", "REPLACE"));
		}
		if (chance(3)) {
			tokens.addAll(pick(List.of(List.of("DEFINER", "=", "`root`", "@", "`%`"), List.of("DEFINER", "=", "'admin'", "@", "'localhost'"),
					List.of("DEFINER", "=", "CURRENT_USER"), List.of("DEFINER", "=", "CURRENT_USER", "(", ")"),
					List.of("DEFINER", "=", "root", "@", "localhost"))));
		}
		switch (kind) {
			case 0 -> {
				tokens.addAll(List.of("PROCEDURE", word(), "(", "IN", word(), "INT", ")", "BEGIN"));
				body(tokens, 0);
				tokens.add("END");
			}
			case 1 -> {
				tokens.addAll(List.of("FUNCTION", word(), "(", ")", "RETURNS", "INT", "DETERMINISTIC", "BEGIN"));
				body(tokens, 0);
				tokens.add("RETURN");
				expression(tokens, 1 + this.random.nextInt(3));
				tokens.addAll(List.of(";", "END"));
			}
			case 2 -> {
				tokens.addAll(List.of("TRIGGER", word(), "BEFORE", "INSERT", "ON", word(), "FOR", "EACH", "ROW"));
				if (this.random.nextBoolean()) {
					tokens.add("BEGIN");
					body(tokens, 0);
					tokens.add("END");
				}
				else {
					compound(tokens, 1);
				}
			}
			case 3 -> {
				tokens.addAll(List.of("EVENT", word(), "ON", "SCHEDULE", "EVERY", "1", "DAY", "DO", "BEGIN"));
				body(tokens, 0);
				tokens.add("END");
			}
			default -> {
				tokens.addAll(List.of("FUNCTION", word(), "(", ")", "RETURNS", "INT", "RETURN", "CASE", "WHEN"));
				expression(tokens, 1 + this.random.nextInt(2));
				tokens.addAll(List.of("THEN", "1", "ELSE", "IF", "(", "1", ",", "2", ",", "3", ")", "END"));
			}
		}
		return tokens;
	}

	private void body(List<String> tokens, int depth) {
		int statements = this.random.nextInt(4);
		for (int i = 0; i < statements; i++) {
			if (depth < 3 && this.random.nextBoolean()) {
				compound(tokens, depth + 1);
			}
			else {
				simpleBodyStatement(tokens);
			}
			tokens.add(";");
		}
	}

	private void simpleBodyStatement(List<String> tokens) {
		switch (this.random.nextInt(7)) {
			case 5 -> tokens.addAll(pick(List.of(
					List.of("SET", "NEW", ".", pick(List.of("end", "END")), "=", "NEW", ".", pick(List.of("begin", "Begin")), "+", "1"),
					List.of("UPDATE", word(), "SET", "end", "=", "end", "+", "1", "WHERE", "begin", ">", "0"),
					List.of("SELECT", "begin", ",", "end", "INTO", word(), ",", word(), "FROM", word(), "WHERE", "begin", "=", "1"))));
			case 0 -> {
				tokens.addAll(List.of("SET", word(), "=", pick(List.of("IF", "REPEAT", "CASE_EXPRESSION"))));
				if (tokens.get(tokens.size() - 1).equals("CASE_EXPRESSION")) {
					tokens.remove(tokens.size() - 1);
					tokens.addAll(List.of("CASE", "WHEN", word(), "THEN", "IF", "(", word(), ",", "1", ",", "2", ")", "ELSE",
							"REPEAT", "(", "'x;'", ",", "2", ")", "END"));
				}
				else {
					tokens.add("(");
					expression(tokens, 1 + this.random.nextInt(3));
					tokens.add(")");
				}
			}
			case 1 -> tokens.addAll(List.of("DROP", "TABLE", "IF", "EXISTS", word()));
			case 2 -> {
				tokens.addAll(List.of("SELECT", word(), "INTO", word(), "FROM", word(), "WHERE", word(), "=", "CASE", "WHEN"));
				expression(tokens, 1 + this.random.nextInt(2));
				tokens.addAll(List.of("THEN", "1", "END", "FOR", "UPDATE"));
			}
			case 3 -> tokens.addAll(List.of("DO", "IF", "(", "1", ",", "2", ",", "3", ")"));
			default -> {
				tokens.add(pick(List.of("INSERT", "UPDATE", "SELECT", "DELETE", "CALL")));
				expression(tokens, this.random.nextInt(6));
			}
		}
	}

	/** A compound statement closed by END (without the semicolon after it). */
	private void compound(List<String> tokens, int depth) {
		compound(tokens, depth, true);
	}

	/** A branch of IF or CASE: {@code IF|ELSEIF|WHEN condition THEN body}. */
	private void branch(List<String> tokens, String keyword, int conditionTerms, int depth) {
		tokens.add(keyword);
		expression(tokens, conditionTerms);
		tokens.add("THEN");
		nonEmptyBody(tokens, depth);
	}

	/** Half of the time an ELSE branch, then {@code END IF} or {@code END CASE}. */
	private void elseAndEnd(List<String> tokens, String statement, int depth) {
		if (this.random.nextBoolean()) {
			tokens.add("ELSE");
			nonEmptyBody(tokens, depth);
		}
		tokens.addAll(List.of("END", statement));
	}

	/** @param inProgram whether inside a stored program, where labels, handlers and blocks may appear */
	private void compound(List<String> tokens, int depth, boolean inProgram) {
		String label = (inProgram && chance(3)) ? word() : null;
		switch (this.random.nextInt(inProgram ? 8 : 6)) {
			case 0 -> {
				branch(tokens, "IF", 1 + this.random.nextInt(3), depth);
				if (this.random.nextBoolean()) {
					branch(tokens, "ELSEIF", 1, depth);
				}
				elseAndEnd(tokens, "IF", depth);
			}
			case 1 -> {
				tokens.add("CASE");
				if (this.random.nextBoolean()) {
					tokens.add(word());
				}
				branch(tokens, "WHEN", 1, depth);
				elseAndEnd(tokens, "CASE", depth);
			}
			case 2 -> labelled(tokens, label, "LOOP", depth, List.of());
			case 3 -> {
				tokens.add("WHILE");
				expression(tokens, 1 + this.random.nextInt(2));
				labelled(tokens, label, "DO", depth, List.of("WHILE"));
			}
			case 4 -> {
				addLabel(tokens, label);
				tokens.add("REPEAT");
				nonEmptyBody(tokens, depth);
				tokens.add("UNTIL");
				expression(tokens, this.random.nextInt(2));
				tokens.add(word());
				tokens.addAll(List.of("END", "REPEAT"));
				addEndLabel(tokens, label);
			}
			case 5 -> {
				tokens.addAll(List.of("FOR", word(), "IN", "1", "..", "3", "DO"));
				nonEmptyBody(tokens, depth);
				tokens.addAll(List.of("END", "FOR"));
			}
			case 6 -> {
				tokens.addAll(List.of("DECLARE", "EXIT", "HANDLER", "FOR", "SQLEXCEPTION", "BEGIN"));
				body(tokens, depth);
				tokens.add("END");
			}
			default -> {
				addLabel(tokens, label);
				tokens.add("BEGIN");
				body(tokens, depth);
				tokens.add("END");
				addEndLabel(tokens, label);
			}
		}
	}

	/** {@code [label:] LOOP ... END LOOP [label]}, or the {@code DO ... END WHILE} of a WHILE. */
	private void labelled(List<String> tokens, String label, String opener, int depth, List<String> closer) {
		if (opener.equals("LOOP")) {
			addLabel(tokens, label);
		}
		tokens.add(opener);
		nonEmptyBody(tokens, depth);
		tokens.add("END");
		tokens.addAll(closer.isEmpty() ? List.of(opener) : closer);
		if (opener.equals("LOOP")) {
			addEndLabel(tokens, label);
		}
	}

	private void addLabel(List<String> tokens, String label) {
		if (label != null) {
			tokens.addAll(List.of(label, ":"));
		}
	}

	private void addEndLabel(List<String> tokens, String label) {
		if (label != null) {
			tokens.add(label);
		}
	}

	private void nonEmptyBody(List<String> tokens, int depth) {
		simpleBodyStatement(tokens);
		tokens.add(";");
		body(tokens, depth);
	}

	private boolean chance(int oneIn) {
		return this.random.nextInt(oneIn) == 0;
	}

	private <T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

}
