package dev.stepwise.migration.backfill;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill killed with {@code kill -9} in another JVM resumes here and ends as an
 * uninterrupted run does.
 */
class KillMidwayPostgresTest {

	static final String FULL_NAME = "first_name || ' ' || COALESCE(last_name, '?')";

	static final int BATCH_SIZE = 250;

	private static final int ROWS = 20_000;

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@Test
	void backfillKilledInAnotherJvmResumesToTheSameResult() throws Exception {
		killAndResume("people_killed", "killed", 1);
	}

	@Test
	void backfillOfTwoWorkersKilledInAnotherJvmResumesItsPartsToTheSameResult() throws Exception {
		killAndResume("people_parts_killed", "parts killed", 2);
		assertThat(TableRows.count(database.dataSource(), "SELECT COUNT(*) FROM " + Backfill.PROGRESS_TABLE
				+ " WHERE name = 'parts killed'")).as("the parts are folded into the backfill's row").isOne();
	}

	/** Kills a backfill of {@code workers} workers after 6 batches, then resumes it with one worker asked for. */
	private void killAndResume(String table, String name, int workers) throws Exception {
		createPeople(table);
		createPeople(table + "_whole");
		Process child = startChild(table, name, workers);
		try {
			waitForBatches(child, 6);
		}
		finally {
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
		}
		BackfillProgress stopped = Backfill.progress(database.dataSource(), DatabaseType.POSTGRESQL)
			.stream()
			.filter((progress) -> progress.name().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(stopped.done()).isFalse();
		assertThat(stopped.rowsDone()).isBetween(6L * BATCH_SIZE, ROWS - 1L);
		// Every committed batch's rows are transformed, and nothing after the stored cursors is.
		assertThat(TableRows.count(database.dataSource(), "SELECT COUNT(*) FROM " + table + " WHERE full_name IS NOT NULL"))
			.isEqualTo(stopped.rowsDone());
		assertThat(TableRows.count(database.dataSource(), "SELECT COUNT(*) FROM " + Backfill.PROGRESS_TABLE
				+ " WHERE name = '" + name + "' AND part > 0")).as("parts").isEqualTo((workers > 1) ? workers : 0);

		// An interrupted run resumes the parts it started with, whatever it is asked for now.
		BackfillProgress resumed = Backfill.of(database.dataSource(), DatabaseType.POSTGRESQL, table)
			.named(name)
			.set("full_name", FULL_NAME)
			.initialBatchSize(BATCH_SIZE)
			.run();
		Backfill.of(database.dataSource(), DatabaseType.POSTGRESQL, table + "_whole").set("full_name", FULL_NAME).run();
		assertThat(resumed.done()).isTrue();
		assertThat(resumed.rowsDone()).isEqualTo(ROWS);
		assertThat(TableRows.query(database.dataSource(), "SELECT id, first_name, last_name, full_name FROM " + table + " ORDER BY id"))
			.isEqualTo(TableRows.query(database.dataSource(),
					"SELECT id, first_name, last_name, full_name FROM " + table + "_whole ORDER BY id"));
	}

	private void createPeople(String table) throws SQLException {
		TableRows.execute(database.dataSource(),
				"CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50), full_name VARCHAR(120))",
				"INSERT INTO " + table + " (id, first_name, last_name) SELECT i, 'First' || i,"
						+ " CASE WHEN i % 7 = 0 THEN NULL ELSE 'Last' || i END FROM generate_series(1, " + ROWS + ") AS i");
	}

	private Process startChild(String table, String name, int workers) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				BackfillChildProcess.class.getName(), database.database().url(), table, name, Integer.toString(workers));
		builder.redirectErrorStream(true);
		return builder.start();
	}

	/** Reads the child's output until it reports {@code count} committed batches. */
	private void waitForBatches(Process child, int count) throws Exception {
		BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		String line;
		while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
			seen.append(line).append('\n');
			if (line.equals("batch " + count)) {
				return;
			}
		}
		throw new AssertionError("The child JVM did not report " + count + " batches within 60 s; it printed:\n" + seen);
	}

}
