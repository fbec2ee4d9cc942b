package dev.stepwise.migration.internal.sql;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.StepwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which scripts and statements run in a transaction.
 */
class SqlScriptParserTransactionTest {

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX CONCURRENTLY idx ON t (a)", "create unique index concurrently if not exists idx on t (a)",
			"DROP INDEX CONCURRENTLY idx", "drop index concurrently if exists idx", "REINDEX INDEX CONCURRENTLY idx",
			"REINDEX (VERBOSE) TABLE CONCURRENTLY t", "REINDEX SCHEMA public", "REINDEX DATABASE app", "REINDEX SYSTEM app",
			"VACUUM", "vacuum (analyze) t", "VACUUM FULL t", "ALTER SYSTEM SET work_mem = '8MB'", "CREATE DATABASE app",
			"DROP DATABASE IF EXISTS app", "CREATE TABLESPACE fast LOCATION '/ssd'", "DROP TABLESPACE fast", "CLUSTER",
			"CLUSTER VERBOSE", "CLUSTER (VERBOSE)", "ALTER DATABASE app SET TABLESPACE fast",
			"ALTER DATABASE \"App\" SET TABLESPACE fast", "ALTER DATABASE \"A\"\"pp\" SET TABLESPACE fast",
			"CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p",
			"DROP SUBSCRIPTION s", "/* why */ CREATE -- comment\n INDEX /* nested /* */ */ CONCURRENTLY idx ON t (a)",
			"ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
			"alter table if exists only public.p detach partition public.\"P 2\" concurrently", "REINDEX (CONCURRENTLY) INDEX idx",
			"REINDEX (VERBOSE, CONCURRENTLY true) TABLE t", "REINDEX SCHEMA CONCURRENTLY public", "DISCARD ALL" })
	void statementsThatCannotRunInATransactionMakeTheScriptNonTransactional(String sql) {
		SqlScript script = postgresql(sql + ";");
		assertThat(script.transactional()).isFalse();
		assertThat(script.statements()).singleElement().satisfies((statement) -> assertThat(statement.transactional()).isFalse());
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX idx ON t (a)", "CREATE UNIQUE INDEX idx ON t (concurrently)", "DROP INDEX idx",
			"REINDEX TABLE t", "REINDEX INDEX idx", "CLUSTER t USING idx", "CLUSTER VERBOSE t", "CLUSTER \"T\"",
			"ALTER DATABASE app SET work_mem = '8MB'", "ALTER TABLE vacuum ADD COLUMN a int", "ANALYZE t",
			"CREATE TABLE database (id int)", "SELECT 'VACUUM'", "-- VACUUM\nSELECT 1", "CREATE SCHEMA tablespace_data",
			"ALTER SUBSCRIPTION s DISABLE", "ALTER TABLE p DETACH PARTITION p1", "ALTER TABLE p DETACH PARTITION p1 FINALIZE",
			"REINDEX (CONCURRENTLY false) TABLE t", "REFRESH MATERIALIZED VIEW CONCURRENTLY mv", "DISCARD PLANS",
			"ALTER TABLE concurrently ADD COLUMN a int", "CREATE TABLE t (concurrently int)" })
	void otherStatementsRunInTheTransaction(String sql) {
		SqlScript script = postgresql(sql + ";");
		assertThat(script.transactional()).isTrue();
		assertThat(script.statements()).singleElement().satisfies((statement) -> assertThat(statement.transactional()).isTrue());
	}

	@Test
	void scriptOfOnlyNonTransactionalStatementsRunsWithoutATransaction() {
		SqlScript script = postgresql("CREATE INDEX CONCURRENTLY a ON t (a);\nVACUUM t;");
		assertThat(script.transactional()).isFalse();
		assertThat(script.statements()).extracting(SqlStatement::transactional).containsExactly(false, false);
	}

	@Test
	void mixingIsRefusedNamingTheScriptLineAndFix() {
		String script = "CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n";
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> SqlScriptParser.parse("V3__add_index.sql", script, DatabaseType.POSTGRESQL))
			.withMessage("V3__add_index.sql line 4: CREATE INDEX CONCURRENTLY cannot run inside a transaction, but the other "
					+ "statements of this script run in one. Move it into a migration of its own, or put "
					+ "\"-- stepwise:no-transaction\" at the top of the script to run every statement without a transaction"
					+ " (mixed(true), Spring Boot: stepwise.mixed=true, does that for every such script, as Flyway's mixed"
					+ " does).");
	}

	@Test
	void mixedRunsAMixingScriptWithoutATransaction() {
		SqlScript script = SqlScriptParser.parse("V3__add_index.sql",
				"CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n", DatabaseType.POSTGRESQL, true);
		assertThat(script.transactional()).isFalse();
		assertThat(script.statements()).extracting(SqlStatement::transactional).containsExactly(false, false);
	}

	@Test
	void mixingIsRefusedWhicheverComesFirst() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> postgresql("VACUUM;\nSELECT 1;"))
			.withMessageStartingWith("V1__test.sql line 1: VACUUM cannot run inside a transaction");
	}

	@Test
	void directiveMakesEveryStatementNonTransactional() {
		SqlScript script = postgresql("-- a header\n-- stepwise:no-transaction\nCREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);");
		assertThat(script.transactional()).isFalse();
		assertThat(script.statements()).extracting(SqlStatement::transactional).containsExactly(false, false);
	}

	@ParameterizedTest
	@EnumSource(DatabaseType.class)
	void directiveWorksOnEveryDatabase(DatabaseType type) {
		SqlScript script = SqlScriptParser.parse("V1__test.sql", "--   STEPWISE:NO-TRANSACTION  \r\nSELECT 1;\nSELECT 2;", type);
		assertThat(script.transactional()).isFalse();
		assertThat(script.statements()).extracting(SqlStatement::transactional).containsExactly(false, false);
	}

	@Test
	void directiveCountsOnlyBeforeTheFirstStatement() {
		SqlScript script = postgresql("SELECT 1;\n-- stepwise:no-transaction\nSELECT 2;");
		assertThat(script.transactional()).isTrue();
		assertThat(postgresql("SELECT 1 -- stepwise:no-transaction\n;").transactional()).isTrue();
	}

	@Test
	void directiveInsideABlockCommentOrStringIsNotADirective() {
		assertThat(postgresql("/* -- stepwise:no-transaction */ SELECT 1;").transactional()).isTrue();
		assertThat(postgresql("-- stepwise:no-transaction please\nSELECT 1;").transactional()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseType.class, names = { "MYSQL", "MARIADB", "H2" })
	void otherDatabasesRunEveryStatementInTheTransaction(DatabaseType type) {
		SqlScript script = SqlScriptParser.parse("V1__test.sql", "CREATE TABLE t (a INT);\nVACUUM;\nCREATE DATABASE x;", type);
		assertThat(script.transactional()).isTrue();
		assertThat(script.statements()).extracting(SqlStatement::transactional).containsExactly(true, true, true);
	}

	private static SqlScript postgresql(String script) {
		return SqlScriptParser.parse("V1__test.sql", script, DatabaseType.POSTGRESQL);
	}

}
