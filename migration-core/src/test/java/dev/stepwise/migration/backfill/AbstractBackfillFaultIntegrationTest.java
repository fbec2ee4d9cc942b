package dev.stepwise.migration.backfill;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.expand.ColumnChange;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Schema;
import dev.stepwise.migration.testsupport.Sql;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A backfill worker's connection killed mid-batch by the database ({@code pg_terminate_backend},
 * {@code KILL}), as a proxy's idle timeout or a failover does: the failure names the real
 * cause, the committed batches stay, nothing of the killed batch does, and the next run
 * resumes to the same rows as an uninterrupted one. Once for every server database.
 */
abstract class AbstractBackfillFaultIntegrationTest {

	private static final int ROWS = 1000;

	/** The row whose update sleeps, while armed, so that the batch reaching it can be killed there. */
	private static final int LOCKED_ID = 500;

	@TempDir
	Path scripts;

	abstract TestDatabaseExtension database();

	/**
	 * Statements that make every update of {@code id = 500} in {@code table} sleep for a minute
	 * while table {@code table_armed} has a row.
	 */
	abstract List<String> sleepingTrigger(String table);

	/** A query of the ids of this database's sessions that sleep in that trigger. */
	abstract String sleepingSessionsQuery();

	/** The statement that kills a session by id. */
	abstract String killStatement(long session);

	/** What the database says to a session it killed, as the failure must show it. */
	abstract String killedMessage();

	private DataSource dataSource() {
		return database().dataSource();
	}

	private DatabaseType type() {
		return DatabaseType.valueOf(database().type().name());
	}

	private String concat(String... parts) {
		return type().isMySqlFamily() ? "CONCAT(" + String.join(", ", parts) + ")" : String.join(" || ", parts);
	}

	private void createPeople(String table) throws SQLException {
		StringBuilder values = new StringBuilder();
		for (int i = 1; i <= ROWS; i++) {
			values.append((i > 1) ? ", " : "").append("(").append(i).append(", 'First").append(i).append("', 'Last")
				.append(i).append("')");
		}
		TableRows.execute(dataSource(), "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, first_name VARCHAR(50),"
				+ " last_name VARCHAR(50), full_name VARCHAR(120))",
				"INSERT INTO " + table + " (id, first_name, last_name) VALUES " + values,
				"CREATE TABLE " + table + "_armed (armed INT)", "INSERT INTO " + table + "_armed VALUES (1)");
		TableRows.execute(dataSource(), sleepingTrigger(table).toArray(String[]::new));
	}

	private Backfill fullName(String table) {
		return Backfill.of(dataSource(), type(), table)
			.named("fault " + table)
			.set("full_name", concat("first_name", "' '", "last_name"))
			.initialBatchSize(50)
			.maximumBatchSize(50);
	}

	@Test
	void backfillWhoseWorkerConnectionIsKilledReportsTheRealCauseKeepsItsBatchesAndResumes() throws Exception {
		createPeople("people_fault");
		Throwable failure = killWhileWaitingOn("people_fault", () -> {
			fullName("people_fault").run();
			return null;
		});

		assertThat(failure).isInstanceOf(SQLException.class)
			.hasMessageContaining("Backfill 'fault people_fault' of people_fault stopped")
			.hasMessageContaining(killedMessage())
			.hasMessageContaining("Run it again")
			.hasMessageNotContaining("Connection is closed");
		BackfillProgress stopped = progress("fault people_fault");
		assertThat(stopped.done()).isFalse();
		// Batches follow their target duration, so where the last one before the killed batch ended varies.
		assertThat(stopped.rowsDone()).as("the batches before row " + LOCKED_ID).isBetween(1L, LOCKED_ID - 1L);
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_fault WHERE full_name IS NOT NULL"))
			.as("the committed batches' rows, and nothing of the killed batch").isEqualTo(stopped.rowsDone());
		assertThat(TableRows.count(dataSource(), "SELECT MAX(id) FROM people_fault WHERE full_name IS NOT NULL"))
			.as("the rows up to the stored cursor").isEqualTo(stopped.rowsDone());

		BackfillProgress resumed = fullName("people_fault").run();
		assertThat(resumed.done()).isTrue();
		assertThat(resumed.rowsDone()).isEqualTo(ROWS);
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_fault WHERE full_name = "
				+ concat("first_name", "' '", "last_name"))).isEqualTo(ROWS);
	}

	@Test
	void expandWhoseBackfillConnectionIsKilledSaysWhatTookEffectAndResumesAfterRepair() throws Exception {
		createPeople("people_expand_fault");
		Stepwise stepwise = Stepwise.configure()
			.dataSource(dataSource())
			.locations("filesystem:" + this.scripts)
			.javaMigrations(new V1__Expand_surname())
			// The table is the application's, there before Stepwise.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.backfillWorkers(1)
			.load();
		Throwable failure = killWhileWaitingOn("people_expand_fault", stepwise::migrate);

		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining(killedMessage())
			.hasMessageContaining("people_expand_fault.surname and its sync triggers are in place")
			.hasMessageContaining("resumes the backfill")
			.hasMessageNotContaining("Nothing of it was applied")
			.hasMessageNotContaining("Connection is closed");
		assertThat(new Sql(dataSource()).columns("people_expand_fault"))
			.contains("last_name", "surname");

		// The failed attempt is on record; once repaired, the next run resumes the expand to the end.
		assertThat(catchThrowable(stepwise::migrate)).isInstanceOf(StepwiseException.class);
		stepwise.repair();
		stepwise.migrate();
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_expand_fault WHERE "
				+ (type().isMySqlFamily() ? "NOT (last_name <=> surname)" : "last_name IS DISTINCT FROM surname")))
			.isZero();
		assertThat(stepwise.expansions()).singleElement()
			.satisfies((expansion) -> assertThat(expansion.backfill().done()).isTrue());
	}

	/**
	 * Runs {@code work} until the session of its batch sleeps in the update of row
	 * {@value #LOCKED_ID}, kills that session from another connection, and disarms the trigger.
	 * @return what {@code work} threw
	 */
	private Throwable killWhileWaitingOn(String table, Callable<?> work) throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> running = executor.submit(work);
			long sleeping = awaitSleepingSession(running);
			TableRows.execute(dataSource(), "DELETE FROM " + table + "_armed");
			TableRows.execute(dataSource(), killStatement(sleeping));
			Throwable failure = catchThrowable(() -> running.get(60, TimeUnit.SECONDS));
			assertThat(failure).as("the work failed").isNotNull();
			return failure.getCause();
		}
		finally {
			executor.shutdownNow();
		}
	}

	private long awaitSleepingSession(Future<?> running) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(running.isDone()).as("the work ended before it reached row " + LOCKED_ID).isFalse();
			List<List<String>> sessions = TableRows.query(dataSource(), sleepingSessionsQuery());
			if (sessions.size() == 1) {
				return Long.parseLong(sessions.get(0).get(0));
			}
			Thread.sleep(20);
		}
		throw new AssertionError("No session reached row " + LOCKED_ID + " within 60 s");
	}

	private BackfillProgress progress(String name) throws SQLException {
		return Backfill.progress(dataSource(), type()).stream()
			.filter((progress) -> progress.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	static class V1__Expand_surname extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.expand(ColumnChange.renameColumn("people_expand_fault", "last_name", "surname"));
		}

	}

}
