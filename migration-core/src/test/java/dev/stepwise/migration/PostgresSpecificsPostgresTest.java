package dev.stepwise.migration;

import java.time.Duration;

import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What only PostgreSQL has: concurrent index builds and dollar-quoted function bodies. */
@OnDatabase(TestDatabaseType.POSTGRESQL)
class PostgresSpecificsPostgresTest extends AbstractEmptyDatabaseTest {

	@Test
	void createIndexConcurrentlyRunsOutsideATransactionWhileTheRunLockIsHeld() {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email TEXT);"
				+ "INSERT INTO users SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 1000) g;")
			.write("V2__index_email.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);")
			.write("U2__index_email.sql", "DROP INDEX CONCURRENTLY users_email;");
		// Under Flyway's defaults this hangs: the index build waits for the lock's transaction.
		MigrateResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> stepwise().migrate());
		assertThat(result.plan().get(1).transactional()).isFalse();
		assertThat(this.sql.column("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email'::regclass"))
			.containsExactly("t");
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> stepwise().rollbackLast(1));
		assertThat(this.sql.count("SELECT COUNT(*) FROM pg_class WHERE relname = 'users_email'")).isZero();
	}

	@Test
	void scriptMixingConcurrentIndexWithTransactionalStatementsIsRefused() {
		this.scripts.write("V1__mixed.sql", "CREATE TABLE users (id INT PRIMARY KEY, email TEXT);\n"
				+ "CREATE INDEX CONCURRENTLY users_email ON users (email);");
		assertThatThrownBy(() -> stepwise().migrate()).isInstanceOf(StepwiseException.class)
			.hasMessageContaining("V1__mixed.sql line 2")
			.hasMessageContaining("stepwise:no-transaction");
		assertThat(this.sql.tableExists("users")).isFalse();
	}

	@Test
	void dollarQuotedFunctionsAndNestedCommentsSplitCorrectly() {
		this.scripts.write("V1__functions.sql", """
				/* a comment /* nested */ still a comment; */
				CREATE TABLE audit (id SERIAL PRIMARY KEY, note TEXT);
				CREATE FUNCTION add_note(text) RETURNS void AS $$
				BEGIN
				  INSERT INTO audit (note) VALUES ($1);
				  INSERT INTO audit (note) VALUES ('second; with a semicolon');
				END;
				$$ LANGUAGE plpgsql;
				CREATE FUNCTION shout(s text) RETURNS text AS $body$ SELECT upper(s) || '!;' $body$ LANGUAGE sql;
				SELECT add_note(E'it\\'s here');
				""");
		stepwise().migrate();
		assertThat(this.sql.column("SELECT note FROM audit ORDER BY id"))
			.containsExactly("it's here", "second; with a semicolon");
		assertThat(this.sql.column("SELECT shout('hi')")).containsExactly("HI!;");
	}

}
