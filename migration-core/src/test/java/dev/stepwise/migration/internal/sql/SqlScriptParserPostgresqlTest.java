package dev.stepwise.migration.internal.sql;

import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Splitting PostgreSQL scripts.
 */
class SqlScriptParserPostgresqlTest {

	@Test
	void splitsAtSemicolonsAndTrimsEachStatement() {
		assertThat(sqls("CREATE TABLE a (id int);\n  INSERT INTO a VALUES (1) ;\n\nSELECT 1;"))
			.containsExactly("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)", "SELECT 1");
	}

	@Test
	void emptyScriptHasNoStatements() {
		assertThat(parse("").statements()).isEmpty();
		assertThat(parse(" \n\t\r\n").statements()).isEmpty();
		assertThat(parse("").transactional()).isTrue();
	}

	@Test
	void commentOnlyAndEmptySegmentsAreNotStatements() {
		assertThat(sqls("-- nothing here;\n;;\n/* still nothing; */ ;\nSELECT 1;\n-- trailing")).containsExactly("SELECT 1");
	}

	@Test
	void lastStatementNeedsNoSemicolon() {
		assertThat(sqls("SELECT 1;\nSELECT 2")).containsExactly("SELECT 1", "SELECT 2");
		assertThat(sqls("SELECT 1;\nSELECT 2 -- no semicolon\n")).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void keepsCommentsInsideAStatementAndDropsThoseAroundIt() {
		String script = "-- before\n/* before; too */ SELECT a, -- first; column\n  /* second; */ b FROM t /* after */;";
		assertThat(sqls(script)).containsExactly("SELECT a, -- first; column\n  /* second; */ b FROM t");
	}

	@Test
	void lineNumbersPointAtTheFirstSignificantCharacter() {
		String script = "-- header\n\nCREATE TABLE a (id int);\n/* a\n comment */ INSERT INTO a\nVALUES (1); SELECT\n1;";
		assertThat(parse(script).statements()).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("CREATE TABLE a (id int)", 3), tuple("INSERT INTO a\nVALUES (1)", 5), tuple("SELECT\n1", 6));
	}

	@Test
	void windowsLineEndingsAreKeptInsideAndCountedOnce() {
		String script = "SELECT 1;\r\n\r\nSELECT 'a;\r\nb'\r\n  FROM t;\r\nSELECT 3";
		assertThat(parse(script).statements()).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("SELECT 1", 1), tuple("SELECT 'a;\r\nb'\r\n  FROM t", 3), tuple("SELECT 3", 6));
	}

	@Test
	void oldMacLineEndingsCountAsLines() {
		assertThat(parse("SELECT 1;\r\rSELECT 2").statements()).extracting(SqlStatement::line).containsExactly(1, 3);
	}

	@Test
	void semicolonsInStringsAndQuotedIdentifiersDoNotSplit() {
		String script = "INSERT INTO \"odd;\"\"name\" VALUES ('it''s; fine', '--not a comment', '/* nor this');SELECT 2;";
		assertThat(sqls(script)).containsExactly(
				"INSERT INTO \"odd;\"\"name\" VALUES ('it''s; fine', '--not a comment', '/* nor this')", "SELECT 2");
	}

	@Test
	void backslashIsNotAnEscapeInStandardStrings() {
		assertThat(sqls("SELECT 'C:\\';SELECT 2;")).containsExactly("SELECT 'C:\\'", "SELECT 2");
	}

	@Test
	void escapeStringsTakeBackslashEscapes() {
		assertThat(sqls("SELECT E'it\\'s; \\\\';SELECT e'x\\';y';SELECT 3"))
			.containsExactly("SELECT E'it\\'s; \\\\'", "SELECT e'x\\';y'", "SELECT 3");
	}

	@Test
	void anIdentifierEndingInEIsNotAnEscapeStringPrefix() {
		assertThat(sqls("SELECT name'\\';SELECT 2")).containsExactly("SELECT name'\\'", "SELECT 2");
	}

	@Test
	void unicodeStringsAreStandardStrings() {
		assertThat(sqls("SELECT U&'d\\0061t;a' UESCAPE '\\';SELECT 2"))
			.containsExactly("SELECT U&'d\\0061t;a' UESCAPE '\\'", "SELECT 2");
	}

	@Test
	void nestedBlockCommentsEndAtTheirOwnClose() {
		String script = "SELECT 1 /* outer /* inner; */ still comment; */ + 1;\n/* /* */ ; */SELECT 2;";
		assertThat(sqls(script)).containsExactly("SELECT 1 /* outer /* inner; */ still comment; */ + 1", "SELECT 2");
	}

	@Test
	void doubleDashStartsACommentWithoutWhitespace() {
		assertThat(sqls("SELECT 1 --; comment\n;SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void dollarQuotedFunctionBodyIsOneStatement() {
		String function = """
				CREATE FUNCTION add_one(x integer) RETURNS integer AS $$
				BEGIN
				    -- a comment; inside the body
				    RETURN x + 1;
				END;
				$$ LANGUAGE plpgsql""";
		String script = function + ";\nSELECT add_one(1);\n";
		assertThat(parse(script).statements()).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple(function, 1), tuple("SELECT add_one(1)", 7));
	}

	@Test
	void taggedDollarQuotesMayContainOtherDollarQuotes() {
		String body = "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$ BEGIN RETURN $$a;b$$ || $x$;$x$; END $fn$";
		assertThat(sqls(body + ";DO $_1$ BEGIN PERFORM 1; END $_1$;")).containsExactly(body, "DO $_1$ BEGIN PERFORM 1; END $_1$");
	}

	@Test
	void dollarParametersAndDollarsInIdentifiersAreNotQuotes() {
		assertThat(sqls("PREPARE p AS SELECT $1 + $2;SELECT a$b$ FROM t$1;SELECT 3"))
			.containsExactly("PREPARE p AS SELECT $1 + $2", "SELECT a$b$ FROM t$1", "SELECT 3");
	}

	@Test
	void beginAtomicBodyIsOneStatement() {
		String function = """
				CREATE OR REPLACE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql
				BEGIN ATOMIC
				    SELECT CASE WHEN x < 0 THEN 'negative;' ELSE 'positive' END;
				    SELECT 'second';
				END""";
		assertThat(sqls(function + ";\nSELECT sign_of(-1);")).containsExactly(function, "SELECT sign_of(-1)");
	}

	@Test
	void plainBeginAndCaseExpressionsElsewhereDoNotOpenBodies() {
		assertThat(sqls("BEGIN;\nSELECT CASE WHEN true THEN 1 END;\nCOMMIT;"))
			.containsExactly("BEGIN", "SELECT CASE WHEN true THEN 1 END", "COMMIT");
	}

	@Test
	void mySqlAndH2OnlySyntaxIsPlainTextHere() {
		assertThat(sqls("SELECT 1 # 2;SELECT `x`;SELECT 2 // 3;")).containsExactly("SELECT 1 # 2", "SELECT `x`", "SELECT 2 // 3");
	}

	@Test
	void delimiterIsNotACommandOnPostgresql() {
		assertThat(sqls("DELIMITER //\nSELECT 1;")).containsExactly("DELIMITER //\nSELECT 1");
	}

	@Test
	void semicolonsInsideParenthesesDoNotEndTheStatementAsInPsql() {
		String rule = "CREATE RULE r AS ON INSERT TO a DO ALSO (INSERT INTO b VALUES (1); INSERT INTO c VALUES (2))";
		String nested = "CREATE RULE s AS ON UPDATE TO a DO INSTEAD (\n  UPDATE b SET x = (SELECT 1);\n  NOTIFY a_changed\n)";
		assertThat(sqls(rule + ";\n" + nested + ";\nSELECT ')';")).containsExactly(rule, nested, "SELECT ')'");
	}

	@Test
	void aSurplusClosingParenthesisIsIgnoredAsInPsql() {
		assertThat(sqls("SELECT 1);\nSELECT 2;")).containsExactly("SELECT 1)", "SELECT 2");
	}

	@Test
	void copyFromStdinTakesTheLinesUpToBackslashDotAsItsData() {
		SqlScript script = parse("COPY t (a, b) FROM stdin;\n1\tx;y\n2\t'\r\n\\.\r\ncopy t from STDIN with (format csv); -- csv\n3,\"$$\"\n\\.\nSELECT 1;");
		assertThat(script.statements()).extracting(SqlStatement::sql, SqlStatement::line, SqlStatement::copyData)
			.containsExactly(tuple("COPY t (a, b) FROM stdin", 1, "1\tx;y\n2\t'\r\n"),
					tuple("copy t from STDIN with (format csv)", 5, "3,\"$$\"\n"), tuple("SELECT 1", 8, null));
		assertThat(script.transactional()).isTrue();
	}

	@Test
	void copyToStdoutAndCopyFromAFileHaveNoData() {
		assertThat(parse("COPY t TO stdout;\nCOPY t FROM '/tmp/t.csv';\nSELECT 1;").statements())
			.extracting(SqlStatement::copyData).containsExactly(null, null, null);
	}

	private static SqlScript parse(String script) {
		return SqlScriptParser.parse("V1__test.sql", script, DatabaseType.POSTGRESQL);
	}

	private static List<String> sqls(String script) {
		return parse(script).statements().stream().map(SqlStatement::sql).toList();
	}

}
