package dev.stepwise.migration.internal.sql;

import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splitting H2 scripts.
 */
class SqlScriptParserH2Test {

	@Test
	void stringsAndQuotedIdentifiersDoubleTheirQuotes() {
		assertThat(sqls("INSERT INTO \"a;\"\"b\" VALUES ('it''s; ok', 'C:\\');SELECT 2"))
			.containsExactly("INSERT INTO \"a;\"\"b\" VALUES ('it''s; ok', 'C:\\')", "SELECT 2");
	}

	@Test
	void doubleSlashAndDoubleDashStartLineComments() {
		assertThat(sqls("// header;\nSELECT 1 // trailing; comment\n, 2 -- another;\n;SELECT 3"))
			.containsExactly("SELECT 1 // trailing; comment\n, 2", "SELECT 3");
	}

	@Test
	void blockCommentsNestAsH2ReadsThem() {
		assertThat(sqls("SELECT 1 /* a /* b; */ c; */ + 1;SELECT 2")).containsExactly("SELECT 1 /* a /* b; */ c; */ + 1", "SELECT 2");
	}

	@Test
	void dollarQuotedJavaSourceIsOneStatement() {
		String alias = "CREATE ALIAS twice AS $$ int twice(int x) { int y = x; return y * 2; } $$";
		assertThat(sqls(alias + ";\nCALL twice(2);")).containsExactly(alias, "CALL twice(2)");
	}

	@Test
	void onlyUntaggedDollarQuotes() {
		assertThat(sqls("SELECT $a$;SELECT 2")).containsExactly("SELECT $a$", "SELECT 2");
	}

	@Test
	void postgresqlAndMySqlOnlySyntaxIsPlainText() {
		assertThat(sqls("SELECT 1 # 2;SELECT E'\\';SELECT 3")).containsExactly("SELECT 1 # 2", "SELECT E'\\'", "SELECT 3");
	}

	private static List<String> sqls(String script) {
		return SqlScriptParser.parse("V1__test.sql", script, DatabaseType.H2).statements().stream().map(SqlStatement::sql).toList();
	}

}
