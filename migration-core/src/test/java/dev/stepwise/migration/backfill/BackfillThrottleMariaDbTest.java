package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillThrottleMariaDbTest extends AbstractBackfillThrottleTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionsQuery() {
		return "SELECT p.id, p.db, p.command, p.state, p.time_ms, t.trx_state FROM information_schema.processlist p LEFT JOIN information_schema.innodb_trx t ON t.trx_mysql_thread_id = p.id";
	}

	/**
	 * A batch UPDATE waiting on a row lock shows as updating in MariaDB's session list, as a
	 * waiting writer does: the other workers must not take it for the application's. Here
	 * the second worker's first batch waits on a row the test holds, while the first
	 * worker's batches run and look for waiting writers.
	 */
	@Test
	void theOtherWorkersBatchesAreNotTakenForWaitingWriters() throws Exception {
		List<String> values = new ArrayList<>();
		for (int i = 1; i <= 400; i++) {
			values.add("(" + i + ", 'name " + i + "')");
		}
		TableRows.execute(database.dataSource(), "CREATE TABLE parted (id INT PRIMARY KEY, name VARCHAR(50), shout VARCHAR(50))",
				"INSERT INTO parted (id, name) VALUES " + String.join(", ", values));
		List<Integer> waiters = new CopyOnWriteArrayList<>();
		AtomicInteger batches = new AtomicInteger();
		try (Connection holder = database.dataSource().getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				// Two workers split ids 1 to 400 at 200: the second one's first batch takes (200, 210].
				statement.executeUpdate("UPDATE parted SET name = CONCAT(name, '!') WHERE id = 205");
			}
			Backfill.of(database.dataSource(), DatabaseType.MARIADB, "parted")
				.set("shout", "UPPER(name)")
				.initialBatchSize(10)
				.maximumBatchSize(10)
				.targetBatchDuration(Duration.ofMillis(20))
				// Time enough for the second worker's wait to pass the 20 ms that counts.
				.pauseBetweenBatches(Duration.ofMillis(15))
				.workers(2)
				.listener((progress) -> {
					if (batches.incrementAndGet() == 8) {
						commit(holder);
					}
				})
				.throttleObserver((level, waiting, drifting) -> waiters.add(waiting))
				.run();
		}
		// The first worker's batches from the third on, while the second one waited well past 20 ms.
		assertThat(waiters.subList(2, 7)).containsOnly(0);
		assertThat(TableRows.count(database.dataSource(), "SELECT COUNT(*) FROM parted WHERE shout = UPPER(name)"))
			.isEqualTo(400);
	}

	private static void commit(Connection connection) {
		try {
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * MariaDB shows other users' sessions only to a user with the PROCESS privilege; a
	 * migration user without it backfills all the same.
	 */
	@Test
	void aUserWithoutTheProcessPrivilegeStillBackfills() throws Exception {
		String user = "stepwise_noproc_" + UUID.randomUUID().toString().substring(0, 8);
		String name = database.database().name();
		TableRows.execute(database.dataSource(), "CREATE TABLE plain (id INT PRIMARY KEY, name VARCHAR(50), shout VARCHAR(50))",
				"CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret-pw'",
				"GRANT ALL PRIVILEGES ON " + name + ".* TO '" + user + "'@'%'");
		try {
			List<String> values = new ArrayList<>();
			for (int i = 1; i <= 50; i++) {
				values.add("(" + i + ", 'name " + i + "')");
			}
			TableRows.execute(database.dataSource(), "INSERT INTO plain (id, name) VALUES " + String.join(", ", values));
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(database.database().url().replaceAll("user=[^&]*", "user=" + user + "&password=secret-pw"));
			try (HikariDataSource limited = new HikariDataSource(config)) {
				BackfillProgress progress = Backfill.of(limited, DatabaseType.MARIADB, "plain")
					.set("shout", "UPPER(name)")
					.initialBatchSize(10)
					.maximumBatchSize(10)
					.run();
				assertThat(progress.rowsDone()).isEqualTo(50);
			}
			assertThat(TableRows.count(database.dataSource(), "SELECT COUNT(*) FROM plain WHERE shout = UPPER(name)"))
				.isEqualTo(50);
		}
		finally {
			TableRows.execute(database.dataSource(), "DROP USER '" + user + "'@'%'");
		}
	}

}
