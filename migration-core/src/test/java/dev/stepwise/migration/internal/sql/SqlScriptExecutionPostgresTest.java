package dev.stepwise.migration.internal.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class SqlScriptExecutionPostgresTest extends AbstractSqlScriptExecutionTest {

	/**
	 * What the verdict test's statements act on. Each test sees the same objects, as none
	 * changes them (the statements run in a transaction that is rolled back); created before
	 * each test rather than once, because a static method cannot receive the class's database
	 * where it is unavailable and the tests are to be reported as skipped.
	 */
	@BeforeEach
	void createTableWithIndex() throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS indexed (id int PRIMARY KEY, a int)");
			statement.execute("CREATE INDEX IF NOT EXISTS indexed_a ON indexed (a)");
			statement.execute("CREATE TABLE IF NOT EXISTS parted (id int) PARTITION BY RANGE (id)");
			statement.execute("CREATE TABLE IF NOT EXISTS parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (10)");
			statement.execute("CREATE MATERIALIZED VIEW IF NOT EXISTS numbers AS SELECT 1 AS id");
			statement.execute("CREATE UNIQUE INDEX IF NOT EXISTS numbers_id ON numbers (id)");
		}
	}

	@Test
	void plpgsqlAndStandardFunctionsRun() throws SQLException {
		SqlScript script = run("postgresql/V2__functions.sql");
		assertThat(script.statements()).extracting(SqlStatement::line).containsExactly(2, 9, 22, 28, 33, 35);
		assertThat(strings("SELECT owner || ' ' || balance FROM account ORDER BY id")).containsExactly("O'Brien; Pat 15", "Smith 0");
		assertThat(strings("SELECT deposit(2, 7)")).containsExactly("7");
		assertThat(strings("SELECT greeting('Pat')")).containsExactly("Hello; Pat's account");
		assertThat(strings("SELECT sign_of(-3) || sign_of(0)")).containsExactly("negativezero");
	}

	@Test
	void scriptWithTheDirectiveRunsOutsideATransaction() throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS account (id int PRIMARY KEY, owner text)");
		}
		SqlScript script = run("postgresql/V3__concurrent_index.sql");
		assertThat(script.transactional()).isFalse();
		assertThat(strings("SELECT indexname FROM pg_indexes WHERE indexname = 'account_owner_idx'")).containsExactly("account_owner_idx");
	}

	@Test
	void multiActionRulesAndCopyFromStdinRun() throws SQLException {
		SqlScript script = run("postgresql/V4__rule_and_copy.sql");
		assertThat(script.statements()).extracting(SqlStatement::line).containsExactly(1, 2, 3, 5, 9, 10, 11, 16, 19);
		assertThat(strings("SELECT note FROM rule_log_b UNION ALL SELECT note FROM rule_log_c")).containsExactly("b; 1", "c; 1");
		assertThat(strings("SELECT id || '=' || coalesce(note, 'null') FROM copied ORDER BY id")).containsExactly("1=semi;colon",
				"2=it's -- not a comment", "3=null", "4=quoted, with comma; and semicolon", "5=after the data");
	}

	/**
	 * The parser's verdict for each statement matches PostgreSQL's: those it calls
	 * non-transactional are the ones PostgreSQL refuses inside a transaction block.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX CONCURRENTLY indexed_b ON indexed (a)", "CREATE UNIQUE INDEX CONCURRENTLY indexed_c ON indexed (id)",
			"DROP INDEX CONCURRENTLY indexed_a", "REINDEX INDEX CONCURRENTLY indexed_a", "REINDEX (VERBOSE) TABLE CONCURRENTLY indexed",
			"REINDEX SCHEMA public", "REINDEX DATABASE {db}", "REINDEX SYSTEM {db}", "VACUUM", "VACUUM (ANALYZE) indexed",
			"ALTER SYSTEM SET work_mem = '8MB'", "CREATE DATABASE {db}_never", "DROP DATABASE IF EXISTS {db}_never",
			"CREATE TABLESPACE never LOCATION '/nonexistent'", "DROP TABLESPACE IF EXISTS never", "CLUSTER", "CLUSTER VERBOSE",
			"ALTER DATABASE {db} SET TABLESPACE pg_default", "CREATE SUBSCRIPTION never CONNECTION 'host=127.0.0.1 dbname=none' PUBLICATION p",
			"CREATE INDEX indexed_d ON indexed (a)", "DROP INDEX indexed_a", "REINDEX TABLE indexed", "REINDEX INDEX indexed_a",
			"CLUSTER indexed USING indexed_a", "CLUSTER VERBOSE indexed USING indexed_a", "ALTER DATABASE {db} SET work_mem = '8MB'",
			"ANALYZE indexed", "CREATE SCHEMA tablespace_data", "ALTER TABLE parted DETACH PARTITION parted_1 CONCURRENTLY",
			"ALTER TABLE IF EXISTS ONLY public.parted DETACH PARTITION public.parted_1 CONCURRENTLY",
			"ALTER TABLE parted DETACH PARTITION parted_1", "REINDEX (CONCURRENTLY) INDEX indexed_a",
			"REINDEX (VERBOSE, CONCURRENTLY true) TABLE indexed", "REINDEX (CONCURRENTLY false) TABLE indexed",
			"REINDEX SCHEMA CONCURRENTLY public", "DISCARD ALL", "DISCARD PLANS", "REFRESH MATERIALIZED VIEW CONCURRENTLY numbers" })
	void nonTransactionalVerdictMatchesPostgresql(String template) throws SQLException {
		String sql = template.replace("{db}", this.database.name());
		boolean parserRefusesTransaction = !SqlScriptParser.parse("V1__check.sql", sql, DatabaseType.POSTGRESQL).transactional();
		assertThat(refusedInsideATransaction(sql)).as(sql).isEqualTo(parserRefusesTransaction);
	}

	private boolean refusedInsideATransaction(String sql) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
				return false;
			}
			catch (SQLException ex) {
				if (ex.getMessage().contains("cannot run inside a transaction block")) {
					return true;
				}
				throw ex;
			}
			finally {
				connection.rollback();
			}
		}
	}

}
