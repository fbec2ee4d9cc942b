package dev.stepwise.migration.internal.sql;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.StepwiseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Scripts that cannot be split: the message names the script, the line where the
 * unclosed part starts, and the fix.
 */
class SqlScriptParserErrorTest {

	@Test
	void unterminatedString() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.POSTGRESQL, "SELECT 1;\n\nINSERT INTO t VALUES ('it's here');\nSELECT 2;"))
			.withMessage("V2__data.sql line 3: string literal starting at \"');\" is not closed before the end of the script. "
					+ "Close it with ', and write '' for a quote inside it.");
	}

	@Test
	void unterminatedStringOnMySqlMentionsBackslashEscapes() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.MARIADB, "SELECT 1;\nSELECT 'C:\\';\n"))
			.withMessage("V2__data.sql line 2: string literal starting at \"'C:\\';\" is not closed before the end of the script. "
					+ "Close it with ', and write '' or \\' for a quote inside it.");
	}

	@Test
	void unterminatedEscapeStringStartsAtItsQuote() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.POSTGRESQL, "SELECT E'it\\';"))
			.withMessageStartingWith("V2__data.sql line 1: string literal starting at \"'it\\';\" is not closed");
	}

	@Test
	void unterminatedQuotedIdentifier() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.H2, "SELECT\n\"a\"\"b;"))
			.withMessage("V2__data.sql line 2: quoted identifier starting at \"\"a\"\"b;\" is not closed before the end of the script. "
					+ "Close it with \", and write \"\" for a quote inside it.");
	}

	@Test
	void unterminatedBacktick() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.MYSQL, "SELECT `a;"))
			.withMessage("V2__data.sql line 1: quoted identifier starting at \"`a;\" is not closed before the end of the script. "
					+ "Close it with `, and write `` for a backtick inside it.");
	}

	@Test
	void unterminatedNestedBlockComment() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.POSTGRESQL, "SELECT 1;\n/* outer /* inner */\nSELECT 2;"))
			.withMessage("V2__data.sql line 2: block comment starting at \"/* outer /* inner */\" is not closed before the end of the script. "
					+ "Close it with */ (comments nest here: every /* inside it needs its own */).");
	}

	@Test
	void unterminatedBlockCommentOnMySql() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.MARIADB, "SELECT 1 /* a very long comment that goes on and on\n;"))
			.withMessage("V2__data.sql line 1: block comment starting at \"/* a very long comment that go\" is not closed before the end of "
					+ "the script. Close it with */.");
	}

	@Test
	void unterminatedExecutableComment() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.MYSQL, "/*!40101 SET x = 1;"))
			.withMessageStartingWith("V2__data.sql line 1: executable comment starting at \"/*!40101 SET x = 1;\" is not closed");
	}

	@Test
	void unterminatedDollarQuote() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.POSTGRESQL, "SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $body$\nBEGIN RETURN 1; END;\n$$ LANGUAGE plpgsql;"))
			.withMessage("V2__data.sql line 2: dollar-quoted string starting at \"$body$\" is not closed before the end of the script. "
					+ "Close it with $body$.");
	}

	@Test
	void unterminatedCompoundBlock() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.MARIADB, "SELECT 1;\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN SELECT 1; END IF;\n"))
			.withMessage("V2__data.sql line 3: the body that starts here is not closed before the end of the script. "
					+ "Add the missing END, or put the statement between DELIMITER lines (DELIMITER $$ before it, $$ after it, "
					+ "DELIMITER ; after that).");
	}

	@Test
	void unterminatedBeginAtomic() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.POSTGRESQL, "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n SELECT 1;"))
			.withMessage("V2__data.sql line 2: the body that starts here is not closed before the end of the script. "
					+ "Add the missing END that closes BEGIN ATOMIC.");
	}

	@Test
	void delimiterWithoutADelimiter() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.MARIADB, "SELECT 1;\nDELIMITER   \nSELECT 2;"))
			.withMessage("V2__data.sql line 2: DELIMITER without a delimiter. Write the new delimiter after it, e.g. DELIMITER $$");
	}

	@Test
	void delimiterFollowedByMoreText() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.MARIADB, "DELIMITER $$ SELECT 1$$"))
			.withMessage("V2__data.sql line 1: unexpected text after DELIMITER $$. Put DELIMITER on a line of its own.");
	}

	@Test
	void unclosedParenthesisOnPostgresql() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.POSTGRESQL, "SELECT 1;\nCREATE RULE r AS ON INSERT TO a DO ALSO (\nINSERT INTO b VALUES (1);\n"))
			.withMessageStartingWith("V2__data.sql line 2: ")
			.withMessageContaining("Add the missing ) that closes the parenthesis opened on this line");
	}

	@Test
	void copyFromStdinWithoutTheEndOfItsData() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.POSTGRESQL, "SELECT 1;\nCOPY t FROM stdin;\n1\tx\n\\.x\n"))
			.withMessage("V2__data.sql line 2: the data of COPY ... FROM stdin is not ended by a line holding only \\. before"
					+ " the end of the script. Add that line after the last row.");
	}

	@Test
	void copyFromStdinWithAStatementOnTheSameLine() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> parse(DatabaseType.POSTGRESQL, "COPY t FROM stdin; SELECT 1;\n\\.\n"))
			.withMessage("V2__data.sql line 1: unexpected text \"SELECT 1;\" after COPY ... FROM stdin. Its data starts on the"
					+ " next line; put the next statement after the line \\. that ends the data.");
	}

	private static SqlScript parse(DatabaseType type, String script) {
		return SqlScriptParser.parse("V2__data.sql", script, type);
	}

}
