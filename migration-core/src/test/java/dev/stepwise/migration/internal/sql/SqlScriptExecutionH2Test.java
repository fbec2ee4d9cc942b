package dev.stepwise.migration.internal.sql;

import java.sql.SQLException;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptExecutionH2Test extends AbstractSqlScriptExecutionTests {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.H2);

	@Override
	protected TestDatabaseExtension database() {
		return database;
	}

	@Test
	void dollarQuotedJavaAliasAndNestedCommentsRun() throws SQLException {
		SqlScript script = run("h2/V2__alias.sql");
		assertThat(script.statements()).hasSize(3);
		assertThat(strings("SELECT twice(21)")).containsExactly("42");
		assertThat(strings("SELECT owner FROM account")).containsExactly("O'Brien; Pat");
	}

}
