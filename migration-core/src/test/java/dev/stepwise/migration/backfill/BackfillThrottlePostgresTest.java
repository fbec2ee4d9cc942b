package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL the throttle also sees the application's statements running slow without
 * any lock (a competing process, a busy disk), and does not take the other workers'
 * batches for the application's.
 */
class BackfillThrottlePostgresTest extends AbstractBackfillThrottleTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	private static final Duration TARGET = Duration.ofMillis(20);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionsQuery() {
		return "SELECT pid, datname, state, wait_event_type, wait_event, query_start FROM pg_stat_activity";
	}

	/** The class shares one database: each test starts without the others' tables and stored cursors. */
	@BeforeEach
	void dropTables() throws Exception {
		TableRows.execute(database.dataSource(), "DROP TABLE IF EXISTS accounts, ledger, stepwise_backfills",
				"DROP FUNCTION IF EXISTS slow_row()");
	}

	@Test
	void slowsDownWhileAnotherSessionsStatementRunsSlowAndSpeedsBackUpAfter() throws Exception {
		accounts(200, "");
		AtomicBoolean slow = new AtomicBoolean(true);
		// Statements of 0.2 s, one after the other: the application's, made slow by something other than a lock.
		Thread application = new Thread(() -> {
			try (Connection connection = database.dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				while (slow.get()) {
					statement.execute("SELECT pg_sleep(0.2)");
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, "slow-application");
		application.setDaemon(true);
		application.start();
		Thread.sleep(50);
		List<Integer> waiters = new CopyOnWriteArrayList<>();
		List<Integer> levels = new CopyOnWriteArrayList<>();
		AtomicInteger batches = new AtomicInteger();
		Backfill.of(database.dataSource(), DatabaseType.POSTGRESQL, "accounts")
			.set("shout", "UPPER(name)")
			.initialBatchSize(10)
			.maximumBatchSize(10)
			.targetBatchDuration(TARGET)
			.listener((progress) -> {
				if (batches.incrementAndGet() == 6) {
					slow.set(false);
				}
			})
			.throttleObserver((level, waiting, drifting) -> {
				waiters.add(waiting);
				levels.add(level);
			})
			.run();
		application.join(5_000);
		// Most batches of the first six meet a statement between 10 ms and 1 s old (a new one
		// starts every 0.2 s, so one batch may fall between two).
		assertThat(waiters.subList(0, 5).stream().filter((count) -> count > 0)).hasSizeGreaterThanOrEqualTo(3);
		assertThat(levels.subList(0, 6)).contains(3);
		assertThat(waiters.subList(8, waiters.size())).containsOnly(0);
		assertThat(levels.get(levels.size() - 1)).isZero();
		assertThat(TableRows.count(database.dataSource(), "SELECT COUNT(*) FROM accounts WHERE shout = UPPER(name)"))
			.isEqualTo(200);
	}

	@Test
	void theOtherWorkersBatchesAreNotTheApplicationsStatements() throws Exception {
		// Each updated row sleeps 2 ms: every batch of 10 runs for about 20 ms, longer than half the target.
		accounts(400, "CREATE FUNCTION slow_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.002);"
				+ " RETURN NEW; END $$; CREATE TRIGGER slow_row BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION"
				+ " slow_row()");
		List<Integer> waiters = new CopyOnWriteArrayList<>();
		Backfill.of(database.dataSource(), DatabaseType.POSTGRESQL, "accounts")
			.set("shout", "UPPER(name)")
			.initialBatchSize(10)
			.maximumBatchSize(10)
			.targetBatchDuration(TARGET)
			.workers(3)
			.throttleObserver((level, waiting, drifting) -> waiters.add(waiting))
			.run();
		assertThat(waiters).hasSizeGreaterThan(30).containsOnly(0);
		assertThat(TableRows.count(database.dataSource(), "SELECT COUNT(*) FROM accounts WHERE shout = UPPER(name)"))
			.isEqualTo(400);
	}

	private static void accounts(int rows, String extra) throws Exception {
		List<String> values = new ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			values.add("(" + i + ", 'name " + i + "')");
		}
		TableRows.execute(database.dataSource(), "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50), shout VARCHAR(50))",
				"INSERT INTO accounts (id, name) VALUES " + String.join(", ", values));
		if (!extra.isEmpty()) {
			TableRows.execute(database.dataSource(), extra);
		}
	}

}
