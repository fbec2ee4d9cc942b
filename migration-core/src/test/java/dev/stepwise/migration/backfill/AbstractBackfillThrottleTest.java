package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backfill slows down while a writer waits on a lock, and speeds back up once nothing
 * waits. The wait is real: one connection holds a row lock in an open transaction, and a
 * second one's UPDATE of that row waits for it, until the test commits the first.
 */
abstract class AbstractBackfillThrottleTest {

	private static final int ROWS = 300;

	private static final int BATCH = 10;

	private static final int RELEASE_AFTER_BATCH = 5;

	private static final Duration TARGET = Duration.ofMillis(20);

	abstract TestDatabaseExtension database();

	private DataSource dataSource() {
		return database().dataSource();
	}

	private DatabaseType type() {
		return DatabaseType.valueOf(database().type().name());
	}

	record Observed(int level, int waiters) {

	}

	@Test
	void slowsDownWhileAWriterWaitsOnALockAndSpeedsBackUpWhenNothingWaits() throws Exception {
		TableRows.execute(dataSource(), "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50), shout VARCHAR(50))",
				"CREATE TABLE ledger (id INT PRIMARY KEY, balance INT)", "INSERT INTO ledger (id, balance) VALUES (1, 0)");
		List<String> values = new ArrayList<>();
		for (int i = 1; i <= ROWS; i++) {
			values.add("(" + i + ", 'name " + i + "')");
		}
		TableRows.execute(dataSource(), "INSERT INTO accounts (id, name) VALUES " + String.join(", ", values));
		try (Connection holder = dataSource().getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.executeUpdate("UPDATE ledger SET balance = balance + 1 WHERE id = 1");
			}
			// A thread of its own: the common pool may be busy with another test's blocked tasks.
			CompletableFuture<Void> writer = new CompletableFuture<>();
			Thread writing = new Thread(() -> {
				try {
					TableRows.execute(dataSource(), "UPDATE ledger SET balance = balance + 10 WHERE id = 1");
					writer.complete(null);
				}
				catch (SQLException | RuntimeException ex) {
					writer.completeExceptionally(ex);
				}
			}, "waiting-writer");
			writing.setDaemon(true);
			writing.start();
			awaitWaitingWriter(writer);
			List<Observed> observed = new CopyOnWriteArrayList<>();
			AtomicInteger batches = new AtomicInteger();
			Backfill.of(dataSource(), type(), "accounts")
				.set("shout", "UPPER(name)")
				.initialBatchSize(BATCH)
				.maximumBatchSize(BATCH)
				.targetBatchDuration(TARGET)
				.listener((progress) -> {
					if (batches.incrementAndGet() == RELEASE_AFTER_BATCH) {
						release(holder, writer);
					}
				})
				.throttleObserver((level, waiters, drifting) -> observed.add(new Observed(level, waiters)))
				.run();
			List<Observed> waiting = observed.subList(0, RELEASE_AFTER_BATCH - 1);
			assertThat(waiting).allSatisfy((batch) -> assertThat(batch.waiters()).isPositive());
			assertThat(waiting).extracting(Observed::level).containsExactly(1, 2, 3, 4);
			List<Observed> released = observed.subList(RELEASE_AFTER_BATCH, observed.size());
			assertThat(released).extracting(Observed::waiters).containsOnly(0);
			// Each batch with nothing waiting lowers the throttle a level, down to none.
			assertThat(released).extracting(Observed::level).contains(0);
			assertThat(released.get(0).level()).isLessThan(observed.get(RELEASE_AFTER_BATCH - 1).level());
		}
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM accounts WHERE shout = UPPER(name)"))
			.isEqualTo(ROWS);
		assertThat(TableRows.count(dataSource(), "SELECT balance FROM ledger WHERE id = 1")).isEqualTo(11);
	}

	/** Until the writer has waited on the lock for longer than the target batch duration. */
	private void awaitWaitingWriter(CompletableFuture<Void> writer) throws Exception {
		int seen = -1;
		for (int i = 0; i < 500 && !writer.isDone(); i++) {
			try (Connection connection = dataSource().getConnection()) {
				seen = new LockWaiters(type(), TARGET).count(connection);
				if (seen > 0) {
					return;
				}
			}
			Thread.sleep(20);
		}
		if (writer.isDone()) {
			writer.get();
		}
		throw new AssertionError("the writer never waited on the held row lock; waiters seen: " + seen
				+ ", sessions: " + TableRows.query(dataSource(), sessionsQuery()));
	}

	/** What the server says its sessions do, for a failure's message. */
	abstract String sessionsQuery();

	private static void release(Connection holder, CompletableFuture<Void> writer) {
		try {
			holder.commit();
			writer.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
