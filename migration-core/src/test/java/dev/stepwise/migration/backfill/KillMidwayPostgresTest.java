package dev.stepwise.migration.backfill;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import dev.stepwise.migration.dialect.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
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
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.POSTGRESQL);

	@Test
	void backfillKilledInAnotherJvmResumesToTheSameResult() throws Exception {
		createPeople("people_killed");
		createPeople("people_whole");
		Process child = startChild("people_killed", "killed");
		try {
			waitForBatches(child, 5);
		}
		finally {
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
		}
		BackfillProgress stopped = Backfill.progress(database.dataSource(), DatabaseType.POSTGRESQL)
			.stream()
			.filter((progress) -> progress.name().equals("killed"))
			.findFirst()
			.orElseThrow();
		assertThat(stopped.done()).isFalse();
		assertThat(stopped.rowsDone()).isBetween(5L * BATCH_SIZE, ROWS - 1L);
		// Every committed batch's rows are transformed, and nothing after the stored cursor is.
		assertThat(TableRows.count(database.dataSource(), "SELECT COUNT(*) FROM people_killed WHERE full_name IS NOT NULL"))
			.isEqualTo(stopped.rowsDone());

		BackfillProgress resumed = Backfill.of(database.dataSource(), DatabaseType.POSTGRESQL, "people_killed")
			.named("killed")
			.set("full_name", FULL_NAME)
			.initialBatchSize(BATCH_SIZE)
			.run();
		Backfill.of(database.dataSource(), DatabaseType.POSTGRESQL, "people_whole").set("full_name", FULL_NAME).run();
		assertThat(resumed.done()).isTrue();
		assertThat(resumed.rowsDone()).isEqualTo(ROWS);
		assertThat(TableRows.query(database.dataSource(), "SELECT id, first_name, last_name, full_name FROM people_killed ORDER BY id"))
			.isEqualTo(TableRows.query(database.dataSource(), "SELECT id, first_name, last_name, full_name FROM people_whole ORDER BY id"));
	}

	private void createPeople(String table) throws SQLException {
		TableRows.execute(database.dataSource(),
				"CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50), full_name VARCHAR(120))",
				"INSERT INTO " + table + " (id, first_name, last_name) SELECT i, 'First' || i,"
						+ " CASE WHEN i % 7 = 0 THEN NULL ELSE 'Last' || i END FROM generate_series(1, " + ROWS + ") AS i");
	}

	private Process startChild(String table, String name) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				BackfillChildProcess.class.getName(), database.database().url(), table, name);
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
