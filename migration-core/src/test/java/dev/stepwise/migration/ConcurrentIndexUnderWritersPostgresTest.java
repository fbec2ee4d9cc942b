package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Schema;
import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL's concurrent index builds under a writer whose transaction is still open:
 * they wait for it instead of failing on the DDL lock timeout with an INVALID index left
 * behind, and a run heals an INVALID index that an earlier build left.
 */
@OnDatabase(TestDatabaseType.POSTGRESQL)
class ConcurrentIndexUnderWritersPostgresTest extends AbstractEmptyDatabaseTest {

	private static final Duration LOCK_TIMEOUT = Duration.ofMillis(200);

	@BeforeEach
	void usersTable() {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email TEXT);\n"
				+ "INSERT INTO users SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 100) g;");
		configure().load().migrate();
	}

	@Override
	StepwiseConfiguration.Builder configure() {
		return Stepwise.configure()
			.dataSource(this.database.dataSource())
			.locations(this.scripts.location())
			.ddlLockTimeout(LOCK_TIMEOUT)
			.ddlRetries(2)
			.ddlRetryBackoff(Duration.ofMillis(20));
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX CONCURRENTLY users_email ON users (email)",
			"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email ON public.users (email)",
			"REINDEX INDEX CONCURRENTLY users_id_idx", "REINDEX TABLE CONCURRENTLY users",
			"DROP INDEX CONCURRENTLY users_id_idx" })
	void aConcurrentStatementInAScriptWaitsForAnOpenWriterBeyondTheLockTimeout(String statement) throws Exception {
		this.sql.execute("CREATE INDEX users_id_idx ON users (id)");
		this.scripts.write("V2__concurrently.sql", statement + ";");
		waitsForTheWriterThenSucceeds(configure().load());
		assertThat(invalidIndexes()).isEmpty();
	}

	@Test
	void aConcurrentIndexOfTheSchemaDslWaitsForAnOpenWriterBeyondTheLockTimeout() throws Exception {
		waitsForTheWriterThenSucceeds(configure().javaMigrations(new V2__Index_email()).load());
		assertThat(validity("users_email")).containsExactly("true");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email)",
			"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users (email)" })
	void aRunHealsAnInvalidIndexThatAnEarlierBuildLeft(String statement) {
		leaveInvalidUniqueIndex();
		this.scripts.write("V2__index_email.sql", statement + ";");

		assertThat(configure().load().migrate().applied()).hasSize(1);

		assertThat(validity("users_email")).containsExactly("true");
		assertThat(invalidIndexes()).isEmpty();
	}

	@Test
	void aFailedConcurrentBuildLeavesNoInvalidIndexSoTheNextRunSucceeds() {
		this.sql.execute("UPDATE users SET email = 'same@example.com' WHERE id IN (1, 2)");
		this.scripts.write("V2__index_email.sql", "CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email);");

		assertThatThrownBy(() -> configure().load().migrate()).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("V2__index_email.sql");
		assertThat(invalidIndexes()).isEmpty();

		this.sql.execute("UPDATE users SET email = 'two@example.com' WHERE id = 2");
		assertThat(configure().load().migrate().applied()).hasSize(1);
		assertThat(validity("users_email")).containsExactly("true");
	}

	@Test
	void aReindexHealsTheInvalidCopyThatAnEarlierConcurrentReindexLeft() throws Exception {
		this.sql.execute("CREATE INDEX users_email ON users (email)");
		try (Connection writer = openWriter(); Connection reindexer = this.database.dataSource().getConnection();
				Statement statement = reindexer.createStatement()) {
			statement.execute("SET lock_timeout = '100ms'");
			assertThatThrownBy(() -> statement.execute("REINDEX INDEX CONCURRENTLY users_email"))
				.hasMessageContaining("lock timeout");
			statement.execute("RESET lock_timeout");
			writer.rollback();
		}
		assertThat(invalidIndexes()).containsExactly("users_email_ccnew");
		this.scripts.write("V2__reindex.sql", "REINDEX INDEX CONCURRENTLY users_email;");

		assertThat(configure().load().migrate().applied()).hasSize(1);

		assertThat(invalidIndexes()).isEmpty();
		assertThat(validity("users_email")).containsExactly("true");
	}

	@Test
	void aRunFinishesAConcurrentDetachThatAnEarlierAttemptLeftPending() throws Exception {
		this.sql.execute("CREATE TABLE events (id INT) PARTITION BY RANGE (id)");
		this.sql.execute("CREATE TABLE events_old PARTITION OF events FOR VALUES FROM (0) TO (10)");
		try (Connection writer = this.database.dataSource().getConnection(); Connection detacher = this.database.dataSource().getConnection();
				Statement statement = detacher.createStatement()) {
			writer.setAutoCommit(false);
			try (Statement write = writer.createStatement()) {
				write.execute("INSERT INTO events VALUES (1)");
			}
			statement.execute("SET lock_timeout = '100ms'");
			assertThatThrownBy(() -> statement.execute("ALTER TABLE events DETACH PARTITION events_old CONCURRENTLY"))
				.hasMessageContaining("lock timeout");
			statement.execute("RESET lock_timeout");
			writer.commit();
		}
		assertThat(this.sql.column("SELECT inhdetachpending::text FROM pg_inherits WHERE inhrelid = 'events_old'::regclass"))
			.containsExactly("true");
		this.scripts.write("V2__detach.sql", "ALTER TABLE events DETACH PARTITION events_old CONCURRENTLY;");

		assertThat(configure().load().migrate().applied()).hasSize(1);

		assertThat(this.sql.count("SELECT count(*) FROM pg_inherits WHERE inhrelid = 'events_old'::regclass")).isZero();
		assertThat(this.sql.column("SELECT id::text FROM events_old")).containsExactly("1");
	}

	private void waitsForTheWriterThenSucceeds(Stepwise stepwise) throws Exception {
		try (Connection writer = openWriter()) {
			CompletableFuture<MigrateResult> migration = CompletableFuture.supplyAsync(stepwise::migrate);
			awaitBuildWaitingLongerThanTheLockTimeout(migration);
			assertThat(migration).as("the concurrent statement still waits for the open writer").isNotDone();
			writer.commit();
			MigrateResult result = migration.get(60, TimeUnit.SECONDS);
			assertThat(result.applied()).hasSize(1);
		}
		assertThat(this.sql.column("SELECT email FROM users WHERE id = 1000")).containsExactly("writer@example.com");
		assertThat(this.sql.column("SELECT success::text FROM stepwise_history ORDER BY installed_rank"))
			.containsExactly("true", "true");
	}

	/** An open transaction that wrote to the table: a concurrent build must wait for it to end. */
	private Connection openWriter() throws Exception {
		Connection writer = this.database.dataSource().getConnection();
		writer.setAutoCommit(false);
		try (Statement statement = writer.createStatement()) {
			statement.execute("INSERT INTO users VALUES (1000, 'writer@example.com')");
		}
		return writer;
	}

	/**
	 * Waits, on the server's clock, until the migration's statement has waited for a lock
	 * for five lock timeouts, or until the migration ended (which the caller then reports).
	 */
	private void awaitBuildWaitingLongerThanTheLockTimeout(CompletableFuture<?> migration) throws Exception {
		String waitedLongEnough = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
				+ " AND wait_event_type = 'Lock' AND query ILIKE '%CONCURRENTLY%' AND query NOT ILIKE '%pg_stat_activity%'"
				+ " AND now() - query_start > interval '" + (LOCK_TIMEOUT.toMillis() * 5) + " milliseconds'";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!migration.isDone() && this.sql.count(waitedLongEnough) == 0) {
			assertThat(System.nanoTime()).as("the statement started waiting within 60 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private void leaveInvalidUniqueIndex() {
		this.sql.execute("UPDATE users SET email = 'same@example.com' WHERE id IN (1, 2)");
		assertThatThrownBy(() -> this.sql.execute("CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email)"))
			.hasRootCauseMessage("ERROR: could not create unique index \"users_email\"\n"
					+ "  Detail: Key (email)=(same@example.com) is duplicated.");
		assertThat(validity("users_email")).containsExactly("false");
		this.sql.execute("UPDATE users SET email = 'two@example.com' WHERE id = 2");
	}

	private List<String> validity(String index) {
		return this.sql.column("SELECT i.indisvalid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
				+ " WHERE c.relname = '" + index + "'");
	}

	private List<String> invalidIndexes() {
		return this.sql.column("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
				+ " WHERE NOT i.indisvalid AND i.indrelid = 'users'::regclass ORDER BY 1");
	}

	/** The schema DSL's concurrent index. */
	static final class V2__Index_email extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.addIndex("users", "users_email", "email");
		}

	}

}
