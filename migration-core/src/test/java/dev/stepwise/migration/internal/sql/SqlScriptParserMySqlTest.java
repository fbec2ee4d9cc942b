package dev.stepwise.migration.internal.sql;

import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Splitting MySQL and MariaDB scripts.
 */
class SqlScriptParserMySqlTest {

	@Test
	void mySqlAndMariaDbShareTheGrammar() {
		String script = "SELECT 'a\\';b';# c;\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nSELECT `x;`";
		assertThat(SqlScriptParser.parse("V1__a.sql", script, DatabaseType.MYSQL))
			.isEqualTo(SqlScriptParser.parse("V1__a.sql", script, DatabaseType.MARIADB));
		assertThat(sqls(script)).containsExactly("SELECT 'a\\';b'", "CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT `x;`");
	}

	@Test
	void backslashEscapesQuotesInBothStringKinds() {
		assertThat(sqls("INSERT INTO t VALUES ('it\\'s;', \"say \\\"hi;\\\"\", 'a''b;', \"c\"\"d;\");SELECT 2"))
			.containsExactly("INSERT INTO t VALUES ('it\\'s;', \"say \\\"hi;\\\"\", 'a''b;', \"c\"\"d;\")", "SELECT 2");
		assertThat(sqls("SELECT 'C:\\\\';SELECT 2")).containsExactly("SELECT 'C:\\\\'", "SELECT 2");
	}

	@Test
	void backticksQuoteIdentifiers() {
		assertThat(sqls("CREATE TABLE `a;b``c` (`x'y` INT);SELECT 2")).containsExactly("CREATE TABLE `a;b``c` (`x'y` INT)", "SELECT 2");
	}

	@Test
	void hashStartsALineComment() {
		assertThat(sqls("# header; here\nSELECT 1 # trailing; comment\n, 2;")).containsExactly("SELECT 1 # trailing; comment\n, 2");
	}

	@Test
	void doubleDashNeedsWhitespaceToStartAComment() {
		assertThat(sqls("SELECT 5--3;SELECT 1 -- comment;\n;SELECT 2 --\t;\n;SELECT 3 --"))
			.containsExactly("SELECT 5--3", "SELECT 1", "SELECT 2", "SELECT 3");
	}

	@Test
	void blockCommentsDoNotNest() {
		assertThat(sqls("SELECT 1 /* a /* b */ + 1;SELECT 2 */ 3;")).containsExactly("SELECT 1 /* a /* b */ + 1", "SELECT 2 */ 3");
	}

	@Test
	void executableCommentsArePartOfTheStatement() {
		String script = "/*!40101 SET @old = @@character_set_client; */;\n/*M!100100 SET x = 1 */;\n/* plain */ SELECT 1 /*!99999 ; */;";
		assertThat(parse(script).statements()).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("/*!40101 SET @old = @@character_set_client; */", 1), tuple("/*M!100100 SET x = 1 */", 2),
					tuple("SELECT 1 /*!99999 ; */", 3));
	}

	@Test
	void delimiterCommandChangesTheDelimiterUntilTheNextOne() {
		String script = """
				DROP PROCEDURE IF EXISTS add_row;
				DELIMITER $$
				CREATE PROCEDURE add_row(IN v VARCHAR(20))
				BEGIN
				    INSERT INTO t (name) VALUES (v);
				    SELECT 'done; really';
				END$$
				SELECT 1; SELECT 2 $$
				delimiter ;
				CALL add_row('x');
				""";
		assertThat(parse(script).statements()).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(
				tuple("DROP PROCEDURE IF EXISTS add_row", 1),
				tuple("CREATE PROCEDURE add_row(IN v VARCHAR(20))\nBEGIN\n    INSERT INTO t (name) VALUES (v);\n"
						+ "    SELECT 'done; really';\nEND", 3),
				tuple("SELECT 1; SELECT 2", 8), tuple("CALL add_row('x')", 10));
	}

	@Test
	void delimitersMayBeAnyRunOfCharacters() {
		assertThat(sqls("DELIMITER //\nSELECT 1; SELECT 2//\nSELECT '//' //\nDELIMITER ;;\nSELECT 3;;SELECT 4\n;;\nDELIMITER ;\nSELECT 5"))
			.containsExactly("SELECT 1; SELECT 2", "SELECT '//'", "SELECT 3", "SELECT 4", "SELECT 5");
	}

	@Test
	void delimiterAtTheEndOfTheScriptMayBeMissing() {
		assertThat(sqls("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END")).containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; END");
	}

	@Test
	void triggerWithBeginEndAndIfNeedsNoDelimiter() {
		String trigger = """
				CREATE TRIGGER account_audit BEFORE UPDATE ON account
				FOR EACH ROW
				BEGIN
				    IF NEW.balance < 0 THEN
				        SET NEW.balance = 0;
				    ELSEIF NEW.balance > 1000 THEN
				        SET NEW.flagged = IF(NEW.balance > 5000, 2, 1);
				    END IF;
				    INSERT INTO audit (note) VALUES (CONCAT('changed; ', OLD.id));
				END""";
		String script = "CREATE TABLE audit (note TEXT);\n" + trigger + ";\nUPDATE account SET balance = 1;";
		assertThat(parse(script).statements()).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(
				tuple("CREATE TABLE audit (note TEXT)", 1), tuple(trigger, 2), tuple("UPDATE account SET balance = 1", 12));
	}

	@Test
	void everyCompoundStatementClosedByEndIsTracked() {
		String procedure = """
				CREATE DEFINER=`root`@`%` PROCEDURE fill(IN n INT)
				BEGIN
				    DECLARE i INT DEFAULT 0;
				    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
				    outer_loop: LOOP
				        SET i = i + 1;
				        IF i > n THEN LEAVE outer_loop; END IF;
				        CASE WHEN i % 2 = 0 THEN INSERT INTO t VALUES (i); ELSE DO 0; END CASE;
				    END LOOP outer_loop;
				    WHILE i > 0 DO SET i = i - 1; END WHILE;
				    REPEAT SET i = i + 1; UNTIL i >= n END REPEAT;
				    FOR j IN 1..3 DO SELECT REPEAT('x', j); END FOR;
				    SELECT CASE WHEN i > 0 THEN 'positive' ELSE 'zero' END INTO @sign FROM DUAL;
				    SELECT id INTO @id FROM t WHERE id = CASE WHEN i > 1 THEN 1 END FOR UPDATE;
				    named: BEGIN
				        DROP TABLE IF EXISTS scratch;
				    END named;
				END""";
		assertThat(sqls(procedure + ";\nCALL fill(3);")).containsExactly(procedure, "CALL fill(3)");
	}

	@Test
	void definerAndOrReplaceMayPrecedeTheRoutineKind() {
		for (String header : List.of("CREATE OR REPLACE FUNCTION", "CREATE DEFINER = root@localhost FUNCTION",
				"CREATE DEFINER='admin'@'%' AGGREGATE FUNCTION", "CREATE DEFINER=CURRENT_USER() FUNCTION")) {
			String function = header + " f() RETURNS INT BEGIN DECLARE x INT; SET x = 1; RETURN x; END";
			assertThat(sqls(function + ";SELECT f()")).as(header).containsExactly(function, "SELECT f()");
		}
	}

	@Test
	void triggerWhoseBodyIsABareIfStatement() {
		String trigger = "CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW IF NEW.a IS NULL THEN SET NEW.a = 0; END IF";
		assertThat(sqls(trigger + ";\nSELECT 1")).containsExactly(trigger, "SELECT 1");
	}

	@Test
	void eventBodyIsOneStatement() {
		String event = "CREATE EVENT purge ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM log WHERE ts < NOW(); OPTIMIZE TABLE log; END";
		assertThat(sqls(event + ";SELECT 1")).containsExactly(event, "SELECT 1");
	}

	@Test
	void routinesWithoutABlockEndAtTheFirstSemicolon() {
		assertThat(sqls("CREATE FUNCTION f() RETURNS INT RETURN CASE WHEN 1 THEN 2 END;SELECT f();"))
			.containsExactly("CREATE FUNCTION f() RETURNS INT RETURN CASE WHEN 1 THEN 2 END", "SELECT f()");
		assertThat(sqls("CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;SELECT 1;"))
			.containsExactly("CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1", "SELECT 1");
	}

	@Test
	void anonymousBlockIsOneStatementOnMariaDb() {
		String block = "BEGIN NOT ATOMIC IF 1 = 1 THEN SELECT 1; END IF; SELECT 2; END";
		assertThat(sqls(block + ";SELECT 3")).containsExactly(block, "SELECT 3");
	}

	@Test
	void plainBeginAndKeywordsOutsideRoutinesDoNotOpenBlocks() {
		assertThat(sqls("BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\nBEGIN WORK;\nSELECT CASE WHEN 1 THEN 2 END;\n"
				+ "CREATE TABLE begin_end (`begin` INT, `end` INT);\nCREATE VIEW v AS SELECT event FROM events;"))
			.containsExactly("BEGIN", "INSERT INTO t VALUES (1)", "COMMIT", "BEGIN WORK", "SELECT CASE WHEN 1 THEN 2 END",
					"CREATE TABLE begin_end (`begin` INT, `end` INT)", "CREATE VIEW v AS SELECT event FROM events");
	}

	@Test
	void dollarSignsAreOrdinaryCharacters() {
		assertThat(sqls("SELECT $$a;SELECT b$c;")).containsExactly("SELECT $$a", "SELECT b$c");
	}

	@Test
	void endAndBeginAsColumnNamesInsideATriggerOrProcedureBody() {
		String trigger = """
				CREATE TRIGGER span_bi BEFORE INSERT ON span FOR EACH ROW BEGIN
				    SET NEW.end = NEW.begin + NEW.length;
				    IF NEW.end > 100 THEN SET NEW.end = 100; END IF;
				END""";
		String procedure = """
				CREATE PROCEDURE widen() BEGIN
				    UPDATE span SET end = end + 1 WHERE begin > 0;
				    SELECT begin, end INTO @b, @e FROM span WHERE begin = 5;
				    BEGIN
				        DECLARE CONTINUE HANDLER FOR NOT FOUND BEGIN END;
				        SET @x = 1;
				    END;
				END""";
		assertThat(sqls(trigger + ";\n" + procedure + ";\nCALL widen();")).containsExactly(trigger, procedure, "CALL widen()");
	}

	@Test
	void compoundStatementsOutsideStoredProgramsStayWhole() {
		List<String> compounds = List.of("IF @n > 0 THEN INSERT INTO t VALUES (1); ELSEIF @n < 0 THEN DO 0; ELSE SELECT 1; END IF",
				"CASE @n WHEN 1 THEN INSERT INTO t VALUES (1); ELSE BEGIN NOT ATOMIC END; END CASE",
				"WHILE @n > 0 DO SET @n = @n - 1; INSERT INTO t VALUES (@n); END WHILE",
				"REPEAT SET @n = @n + 1; UNTIL @n >= 3 END REPEAT", "FOR i IN 1..3 DO INSERT INTO t VALUES (i); END FOR",
				"LOOP SIGNAL SQLSTATE '45000'; END LOOP");
		String script = String.join(";\n", compounds) + ";\nSELECT 2";
		assertThat(sqls(script)).containsExactlyElementsOf(
				java.util.stream.Stream.concat(compounds.stream(), java.util.stream.Stream.of("SELECT 2")).toList());
	}

	private static SqlScript parse(String script) {
		return SqlScriptParser.parse("V1__test.sql", script, DatabaseType.MARIADB);
	}

	private static List<String> sqls(String script) {
		return parse(script).statements().stream().map(SqlStatement::sql).toList();
	}

}
