package dev.stepwise.migration.expand;

import java.sql.SQLException;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stepwise.migration.backfill.TableRows;
import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class ExpandIndexesPostgresTest extends AbstractExpandIndexesIntegrationTest {

	@Test
	void anExpressionOrPartialIndexIsNamedInAWarningAndLeftOut() throws SQLException {
		String table = "accounts_expr";
		createAccounts(table);
		TableRows.execute(dataSource(), "CREATE INDEX accounts_expr_lower ON accounts_expr (lower(email))",
				"CREATE INDEX accounts_expr_partial ON accounts_expr (tenant) WHERE email IS NOT NULL",
				"CREATE INDEX accounts_expr_desc ON accounts_expr (email DESC)");
		List<String> copies = renamed(indexFacts(facts(table), "email"), "email", "email_address");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(ExpansionResolver.class);
		appender.start();
		logger.addAppender(appender);
		try {
			expansions().expand(ColumnChange.renameColumn(table, "email", "email_address"), V2);
		}
		finally {
			logger.detachAppender(appender);
		}
		List<String> warnings = appender.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
		assertThat(warnings).hasSize(3)
			.anySatisfy((warning) -> assertThat(warning).contains("index accounts_expr_lower")
				.contains("will not be carried over to email_address, because it indexes an expression"))
			.anySatisfy((warning) -> assertThat(warning).contains("index accounts_expr_partial")
				.contains("because it is partial"))
			.anySatisfy((warning) -> assertThat(warning).contains("index accounts_expr_desc").contains("DESC"));
		List<String> expanded = facts(table);
		assertThat(expanded).containsAll(copies.stream()
			.filter((fact) -> !fact.contains("_lower") && !fact.contains("_partial") && !fact.contains("_desc"))
			.toList());
		assertThat(expanded).noneSatisfy((fact) -> assertThat(fact).contains("lower_email_address"));

		expansions().contract(table + ".email_address");
		assertThat(facts(table)).noneSatisfy((fact) -> assertThat(fact).contains("accounts_expr_lower"));
	}

	@Test
	void anInvalidIndexLeftByAFailedBuildIsDroppedAndBuiltAgain() throws SQLException {
		String table = "accounts_invalid";
		Expansions expansions = expansions();
		List<String> copies = expandEmailInBackground(table, expansions);
		// A concurrent unique build that fails on duplicates leaves an invalid index of the copy's name.
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> TableRows.execute(dataSource(),
				"CREATE UNIQUE INDEX CONCURRENTLY accounts_invalid_email_address_key ON accounts_invalid (tenant)"));
		assertThat(facts(table)).contains("invalid index accounts_invalid.accounts_invalid_email_address_key");

		expansions.resumeBackfills();
		List<String> expanded = facts(table);
		assertThat(expanded).containsAll(copies).noneSatisfy((fact) -> assertThat(fact).startsWith("invalid index"));
	}

}
