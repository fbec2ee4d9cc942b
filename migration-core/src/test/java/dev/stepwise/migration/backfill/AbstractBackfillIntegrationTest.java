package dev.stepwise.migration.backfill;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backfill behaviour, once for every database.
 */
abstract class AbstractBackfillIntegrationTest {

	abstract TestDatabaseExtension database();

	private DataSource dataSource() {
		return database().dataSource();
	}

	private DatabaseType type() {
		return DatabaseType.valueOf(database().type().name());
	}

	/** A people table of {@code rows} rows, ids 1..rows with gaps (every third id is missing). */
	private void createPeople(String table, int rows) throws SQLException {
		TableRows.execute(dataSource(), "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, first_name VARCHAR(50),"
				+ " last_name VARCHAR(50), full_name VARCHAR(120))");
		insertPeople(table, rows);
	}

	private void insertPeople(String table, int rows) throws SQLException {
		StringBuilder values = new StringBuilder();
		int id = 0;
		for (int i = 1; i <= rows; i++) {
			id += (i % 3 == 0) ? 2 : 1;
			values.append((values.length() > 0) ? ", " : "").append("(").append(id).append(", 'First").append(i)
				.append("', ").append((i % 7 == 0) ? "NULL" : "'Last" + i + "'").append(")");
		}
		TableRows.execute(dataSource(), "INSERT INTO " + table + " (id, first_name, last_name) VALUES " + values);
	}

	private String concat(String... parts) {
		return type().isMySqlFamily() ? "CONCAT(" + String.join(", ", parts) + ")" : String.join(" || ", parts);
	}

	private Backfill fullName(String table) {
		return Backfill.of(dataSource(), type(), table)
			.set("full_name", concat("first_name", "' '", "COALESCE(last_name, '?')"))
			.initialBatchSize(7)
			.maximumBatchSize(7);
	}

	@Test
	void setsEveryRowInManyBatches() throws SQLException {
		createPeople("people_all", 100);
		AtomicInteger batches = new AtomicInteger();
		BackfillProgress progress = fullName("people_all").listener((batch) -> batches.incrementAndGet()).run();
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_all WHERE full_name IS NULL")).isZero();
		assertThat(TableRows.query(dataSource(), "SELECT full_name FROM people_all WHERE id = 5"))
			.containsExactly(List.of("First4 Last4"));
		assertThat(TableRows.query(dataSource(), "SELECT full_name FROM people_all WHERE first_name = 'First7'"))
			.containsExactly(List.of("First7 ?"));
		assertThat(batches.get()).isEqualTo(15);
		assertThat(progress.done()).isTrue();
		assertThat(progress.rowsDone()).isEqualTo(100);
		assertThat(progress.table()).isEqualToIgnoringCase("people_all");
		assertThat(Backfill.progress(dataSource(), type())).anySatisfy((stored) -> {
			assertThat(stored.name()).isEqualTo(progress.name());
			assertThat(stored.done()).isTrue();
		});
	}

	@Test
	void finishedBackfillDoesNothingWhenRunAgain() throws SQLException {
		createPeople("people_again", 20);
		fullName("people_again").run();
		TableRows.execute(dataSource(), "UPDATE people_again SET full_name = 'changed by the app'");
		BackfillProgress progress = fullName("people_again").run();
		assertThat(progress.done()).isTrue();
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_again WHERE full_name = 'changed by the app'"))
			.isEqualTo(20);
	}

	@Test
	void whereLimitsTheRows() throws SQLException {
		createPeople("people_where", 30);
		fullName("people_where").where("last_name IS NOT NULL").run();
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_where WHERE full_name IS NULL")).isEqualTo(4);
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_where WHERE last_name IS NULL")).isEqualTo(4);
	}

	@Test
	void computesValuesInJava() throws SQLException {
		createPeople("people_java", 40);
		Backfill.of(dataSource(), type(), "people_java")
			.compute("full_name", (row) -> row.getString("last_name") + ", " + row.getString("FIRST_NAME"))
			.initialBatchSize(6)
			.maximumBatchSize(6)
			.run();
		assertThat(TableRows.query(dataSource(), "SELECT full_name FROM people_java WHERE id = 1"))
			.containsExactly(List.of("Last1, First1"));
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_java WHERE full_name IS NULL")).isZero();
	}

	@Test
	void walksCompositePrimaryKey() throws SQLException {
		TableRows.execute(dataSource(), "CREATE TABLE order_lines (order_id INT NOT NULL, line_no INT NOT NULL,"
				+ " quantity INT NOT NULL, doubled INT, PRIMARY KEY (order_id, line_no))");
		StringBuilder values = new StringBuilder();
		for (int order = 1; order <= 9; order++) {
			for (int line = 1; line <= 5; line++) {
				values.append((values.length() > 0) ? ", " : "").append("(").append(order).append(", ").append(line)
					.append(", ").append(order * 10 + line).append(")");
			}
		}
		TableRows.execute(dataSource(), "INSERT INTO order_lines (order_id, line_no, quantity) VALUES " + values);
		BackfillProgress progress = Backfill.of(dataSource(), type(), "ORDER_LINES")
			.set("DOUBLED", "quantity * 2")
			.initialBatchSize(4)
			.maximumBatchSize(4)
			.run();
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM order_lines WHERE doubled = quantity * 2")).isEqualTo(45);
		assertThat(progress.rowsDone()).isEqualTo(45);
	}

	@Test
	void walksUniqueKeyWhenThereIsNoPrimaryKey() throws SQLException {
		TableRows.execute(dataSource(), "CREATE TABLE codes (code VARCHAR(10) NOT NULL, label VARCHAR(20), upper_label VARCHAR(20))",
				"CREATE UNIQUE INDEX codes_code ON codes (code)");
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < 26; i++) {
			rows.add("('c" + (char) ('a' + i) + "', 'label " + i + "')");
		}
		TableRows.execute(dataSource(), "INSERT INTO codes (code, label) VALUES " + String.join(", ", rows));
		Backfill.of(dataSource(), type(), "codes").set("upper_label", "UPPER(label)").initialBatchSize(5).maximumBatchSize(5).run();
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM codes WHERE upper_label = UPPER(label)")).isEqualTo(26);
	}

	@Test
	void tableWithoutKeyIsWalkedByPhysicalRowOnPostgresqlOnly() throws SQLException {
		TableRows.execute(dataSource(), "CREATE TABLE notes (body VARCHAR(20), shout VARCHAR(20))");
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			rows.add("('note " + i + "')");
		}
		TableRows.execute(dataSource(), "INSERT INTO notes (body) VALUES " + String.join(", ", rows));
		Backfill backfill = Backfill.of(dataSource(), type(), "notes").set("shout", "UPPER(body)").initialBatchSize(50);
		if (type() == DatabaseType.POSTGRESQL) {
			backfill.run();
			assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM notes WHERE shout = UPPER(body)")).isEqualTo(500);
		}
		else {
			assertThatIllegalStateException().isThrownBy(backfill::run)
				.withMessageMatching("(?i).*table 'notes'.*")
				.withMessageContaining("needs a primary key or a unique key");
		}
	}

	@Test
	void interruptedBackfillResumesToTheSameResult() throws SQLException {
		createPeople("people_cut", 120);
		createPeople("people_whole", 120);
		AtomicInteger batches = new AtomicInteger();
		assertThatThrownBy(() -> fullName("people_cut").named("cut").listener((progress) -> {
			if (batches.incrementAndGet() == 4) {
				throw new IllegalStateException("stop after 4 batches");
			}
		}).run()).hasMessage("stop after 4 batches");
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_cut WHERE full_name IS NOT NULL")).isEqualTo(28);
		assertThat(Backfill.progress(dataSource(), type())).anySatisfy((progress) -> {
			assertThat(progress.name()).isEqualTo("cut");
			assertThat(progress.rowsDone()).isEqualTo(28);
			assertThat(progress.done()).isFalse();
		});
		AtomicInteger resumedBatches = new AtomicInteger();
		BackfillProgress resumed = fullName("people_cut").named("cut").listener((progress) -> resumedBatches.incrementAndGet()).run();
		fullName("people_whole").run();
		assertThat(resumed.rowsDone()).isEqualTo(120);
		assertThat(resumedBatches.get()).isEqualTo(14);
		assertThat(TableRows.query(dataSource(), "SELECT id, first_name, last_name, full_name FROM people_cut ORDER BY id"))
			.isEqualTo(TableRows.query(dataSource(), "SELECT id, first_name, last_name, full_name FROM people_whole ORDER BY id"));
	}

	@Test
	void failingBatchCommitsNothingAndTheRunResumesAfterTheFix() throws SQLException {
		createPeople("people_fail", 70);
		createPeople("people_fine", 70);
		// Row 40 sits in the sixth batch of seven rows: five batches commit before it fails.
		TableRows.execute(dataSource(), "ALTER TABLE people_fail ADD CONSTRAINT people_fail_no_40"
				+ " CHECK (full_name IS NULL OR full_name <> 'First40 Last40')");
		assertThatThrownBy(() -> fullName("people_fail").named("fail").run()).isInstanceOf(SQLException.class)
			.hasMessageMatching("(?is).*people_fail_no_40.*");
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_fail WHERE full_name IS NOT NULL")).isEqualTo(35);
		assertThat(Backfill.progress(dataSource(), type())).anySatisfy((progress) -> {
			assertThat(progress.name()).isEqualTo("fail");
			assertThat(progress.rowsDone()).isEqualTo(35);
			assertThat(progress.done()).isFalse();
		});
		TableRows.execute(dataSource(), "ALTER TABLE people_fail DROP CONSTRAINT people_fail_no_40");
		BackfillProgress resumed = fullName("people_fail").named("fail").run();
		fullName("people_fine").run();
		assertThat(resumed.rowsDone()).isEqualTo(70);
		assertThat(TableRows.query(dataSource(), "SELECT id, full_name FROM people_fail ORDER BY id"))
			.isEqualTo(TableRows.query(dataSource(), "SELECT id, full_name FROM people_fine ORDER BY id"));
	}

	@Test
	void workersSplitTheKeyRangeAndEndAsOneWorkerWould() throws SQLException {
		createPeople("people_split", 300);
		createPeople("people_single", 300);
		Set<String> threads = ConcurrentHashMap.newKeySet();
		List<BackfillProgress> reports = new CopyOnWriteArrayList<>();
		BackfillProgress progress = fullName("people_split").workers(2).listener((batch) -> {
			threads.add(Thread.currentThread().getName());
			reports.add(batch);
		}).run();
		fullName("people_single").run();
		assertThat(TableRows.query(dataSource(), "SELECT id, full_name FROM people_split ORDER BY id"))
			.isEqualTo(TableRows.query(dataSource(), "SELECT id, full_name FROM people_single ORDER BY id"));
		assertThat(threads).as("one thread per part").filteredOn((thread) -> thread.startsWith("stepwise-backfill-")).hasSize(2);
		assertThat(progress.rowsDone()).isEqualTo(300);
		assertThat(progress.done()).isTrue();
		assertThat(reports).last().satisfies((last) -> assertThat(last.done()).isTrue());
		assertThat(reports).filteredOn(BackfillProgress::done).hasSize(1);
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM " + Backfill.PROGRESS_TABLE + " WHERE name = '"
				+ progress.name() + "'")).as("the parts are folded into the backfill's row").isOne();
		assertThat(Backfill.progress(dataSource(), type())).filteredOn((stored) -> stored.name().equals(progress.name()))
			.singleElement()
			.satisfies((stored) -> {
				assertThat(stored.rowsDone()).isEqualTo(300);
				assertThat(stored.done()).isTrue();
			});
	}

	@Test
	void interruptedWorkersResumeTheirPartsToTheSameResult() throws SQLException {
		createPeople("people_parts_cut", 300);
		createPeople("people_parts_whole", 300);
		AtomicInteger batches = new AtomicInteger();
		assertThatThrownBy(() -> fullName("people_parts_cut").named("parts").workers(3).listener((progress) -> {
			if (batches.incrementAndGet() == 9) {
				throw new IllegalStateException("stop after 9 batches");
			}
		}).run()).hasMessage("stop after 9 batches");
		long filled = TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_parts_cut WHERE full_name IS NOT NULL");
		assertThat(filled).isBetween(9L * 7, 299L);
		assertThat(Backfill.progress(dataSource(), type())).filteredOn((progress) -> progress.name().equals("parts"))
			.singleElement()
			.satisfies((progress) -> {
				assertThat(progress.rowsDone()).as("every committed batch, in whichever part").isEqualTo(filled);
				assertThat(progress.done()).isFalse();
			});
		// One worker is asked for, but the run resumes the three parts it started with.
		BackfillProgress resumed = fullName("people_parts_cut").named("parts").run();
		fullName("people_parts_whole").run();
		assertThat(resumed.rowsDone()).isEqualTo(300);
		assertThat(resumed.done()).isTrue();
		assertThat(TableRows.query(dataSource(), "SELECT id, first_name, last_name, full_name FROM people_parts_cut ORDER BY id"))
			.isEqualTo(TableRows.query(dataSource(), "SELECT id, first_name, last_name, full_name FROM people_parts_whole ORDER BY id"));
	}

	@Test
	void workersComputeValuesInJava() throws SQLException {
		createPeople("people_java_parts", 300);
		BackfillProgress progress = Backfill.of(dataSource(), type(), "people_java_parts")
			.compute("full_name", (row) -> row.get("first_name") + "!")
			.initialBatchSize(7)
			.maximumBatchSize(7)
			.workers(2)
			.run();
		assertThat(progress.rowsDone()).isEqualTo(300);
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_java_parts WHERE full_name = "
				+ concat("first_name", "'!'"))).isEqualTo(300);
	}

	@Test
	void aTableTooSmallToSplitIsWalkedByOneWorker() throws SQLException {
		createPeople("people_few", 20);
		Set<String> threads = ConcurrentHashMap.newKeySet();
		fullName("people_few").workers(4).listener((batch) -> threads.add(Thread.currentThread().getName())).run();
		assertThat(threads).containsExactly(Thread.currentThread().getName());
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM people_few WHERE full_name IS NULL")).isZero();
	}

	@Test
	void resumeWithAnotherDefinitionIsRefused() throws SQLException {
		createPeople("people_changed", 30);
		AtomicInteger batches = new AtomicInteger();
		assertThatThrownBy(() -> fullName("people_changed").named("changed").listener((progress) -> {
			if (batches.incrementAndGet() == 1) {
				throw new IllegalStateException("stop");
			}
		}).run()).hasMessage("stop");
		assertThatIllegalStateException()
			.isThrownBy(() -> Backfill.of(dataSource(), type(), "people_changed").named("changed").set("full_name", "first_name").run())
			.withMessageContaining("Backfill 'changed' was started with another definition")
			.withMessageContaining("Backfill.forget");
	}

	@Test
	void unknownColumnIsNamed() throws SQLException {
		createPeople("people_typo", 3);
		assertThatIllegalStateException()
			.isThrownBy(() -> Backfill.of(dataSource(), type(), "people_typo").set("fullname", "first_name").run())
			.withMessageContaining("no column 'fullname'");
	}

}
