package dev.stepwise.migration.internal.sql;

import java.sql.SQLException;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@OnDatabase(TestDatabaseType.H2)
class SqlScriptExecutionH2Test extends AbstractSqlScriptExecutionTest {

	@Test
	void dollarQuotedJavaAliasAndNestedCommentsRun() throws SQLException {
		SqlScript script = run("h2/V2__alias.sql");
		assertThat(script.statements()).hasSize(3);
		assertThat(strings("SELECT twice(21)")).containsExactly("42");
		assertThat(strings("SELECT owner FROM account")).containsExactly("O'Brien; Pat");
	}

}
