package dev.stepwise.migration.internal.sql;

import java.sql.SQLException;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@OnDatabase(TestDatabaseType.MARIADB)
class SqlScriptExecutionMariaDbTest extends AbstractSqlScriptExecutionTest {

	@Test
	void storedProgramsWithAndWithoutDelimiterRun() throws SQLException {
		SqlScript script = run("mariadb/V2__routines.sql");
		assertThat(script.statements()).hasSize(11);
		assertThat(strings("SELECT CONCAT(`owner name`, ' ', balance, ' ', flagged) FROM account ORDER BY id"))
			.containsExactly("O'Brien; Pat 110.00 1", "Smith \"Jr\" 0.00 0");
		assertThat(strings("SELECT note FROM audit ORDER BY id")).containsExactly("ids add up to 3",
				"balance; 0.00 -> 60.00", "balance; 60.00 -> 110.00 flagged");
		assertThat(strings("SELECT repeat_count(3)")).containsExactly("6");
		assertThat(strings("SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1"))
			.containsExactly("deposit", "repeat_count");
		assertThat(strings("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1"))
			.containsExactly("account_bi", "account_bu");
	}

	@Test
	void compoundStatementsOutsideProgramsAndEndAndBeginColumnsRun() throws SQLException {
		SqlScript script = run("mariadb/V3__compound_and_end_columns.sql");
		assertThat(script.statements()).extracting(SqlStatement::line).containsExactly(1, 3, 7, 8, 11, 13, 14, 15, 16, 17, 18);
		assertThat(strings("SELECT CONCAT(id, ':', end) FROM span ORDER BY id")).containsExactly("1:16", "2:101", "3:1", "11:2",
				"12:3", "21:3", "22:4", "30:8");
	}

}
