package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Application-like load: threads, each with its own autocommit connection, updating random
 * rows of the table one at a time ({@code UPDATE users SET name = ?, updated_at = now()
 * WHERE id = ?}) until stopped or until their time cap, whichever comes first.
 */
final class Writers {

	/** Bounds the memory of a pathological run; the histogram still counts every operation. */
	private static final int MAX_SLOW_OPERATIONS = 100_000;

	private static final int MAX_ERROR_MESSAGES = 5;

	private final String url;

	private final String table;

	private final int threads;

	private final long rows;

	private final RunClock clock;

	private final long slowThresholdNanos;

	private final AtomicBoolean stop = new AtomicBoolean();

	private final List<Worker> workers = new ArrayList<>();

	private long startedNanos;

	Writers(String url, String table, int threads, long rows, RunClock clock, Duration slowThreshold) {
		this.url = url;
		this.table = table;
		this.threads = threads;
		this.rows = rows;
		this.clock = clock;
		this.slowThresholdNanos = slowThreshold.toNanos();
	}

	/**
	 * Opens the connections (before timing starts) and starts the writers.
	 * @param cap the longest the writers run if nobody stops them
	 */
	void start(Duration cap) throws SQLException {
		List<Connection> connections = new ArrayList<>();
		for (int i = 0; i < this.threads; i++) {
			connections.add(DriverManager.getConnection(this.url));
		}
		this.startedNanos = this.clock.now();
		long deadline = this.startedNanos + cap.toNanos();
		for (int i = 0; i < this.threads; i++) {
			Worker worker = new Worker(connections.get(i), deadline, "writer-" + i);
			this.workers.add(worker);
			worker.thread.start();
		}
	}

	/** Runs the writers for a fixed time and returns what they did. */
	WriterResult runFor(Duration duration) throws SQLException, InterruptedException {
		start(duration);
		return awaitEnd();
	}

	/** Stops the writers and waits for them. */
	WriterResult stop() throws InterruptedException {
		this.stop.set(true);
		return awaitEnd();
	}

	private WriterResult awaitEnd() throws InterruptedException {
		LatencyHistogram latencies = new LatencyHistogram();
		long operations = 0;
		long errors = 0;
		List<String> messages = new ArrayList<>();
		List<SlowOperation> slow = new ArrayList<>();
		long end = this.startedNanos;
		for (Worker worker : this.workers) {
			worker.thread.join();
			latencies.add(worker.latencies);
			operations += worker.operations;
			errors += worker.errors;
			messages.addAll(worker.messages);
			slow.addAll(worker.slow);
			end = Math.max(end, worker.endedNanos);
		}
		slow.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
		return new WriterResult(latencies, operations, errors,
				messages.subList(0, Math.min(MAX_ERROR_MESSAGES, messages.size())), Collections.unmodifiableList(slow),
				end - this.startedNanos);
	}

	private final class Worker implements Runnable {

		private final Connection connection;

		private final long deadline;

		private final LatencyHistogram latencies = new LatencyHistogram();

		private final List<String> messages = new ArrayList<>();

		private final List<SlowOperation> slow = new ArrayList<>();

		private final Thread thread;

		private long operations;

		private long errors;

		private long endedNanos;

		Worker(Connection connection, long deadline, String name) {
			this.connection = connection;
			this.deadline = deadline;
			this.thread = new Thread(this, name);
			this.thread.setDaemon(true);
		}

		@Override
		public void run() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String sql = "UPDATE " + Writers.this.table + " SET name = ?, updated_at = now() WHERE id = ?";
			try (Connection connection = this.connection; PreparedStatement update = connection.prepareStatement(sql)) {
				long now = Writers.this.clock.now();
				while (!Writers.this.stop.get() && now < this.deadline) {
					update.setString(1, "name-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
					long id = 1 + random.nextLong(Writers.this.rows);
					update.setLong(2, id);
					long started = now;
					try {
						update.executeUpdate();
						now = Writers.this.clock.now();
						record(id, started, now - started);
					}
					catch (SQLException ex) {
						now = Writers.this.clock.now();
						failed(ex);
						if (connection.isClosed()) {
							break;
						}
					}
				}
				this.endedNanos = now;
			}
			catch (SQLException ex) {
				failed(ex);
				this.endedNanos = Writers.this.clock.now();
			}
		}

		private void record(long id, long started, long latency) {
			this.operations++;
			this.latencies.record(latency);
			if (latency >= Writers.this.slowThresholdNanos && this.slow.size() < MAX_SLOW_OPERATIONS) {
				this.slow.add(new SlowOperation(id, started, latency));
			}
		}

		private void failed(SQLException ex) {
			this.errors++;
			if (this.messages.size() < MAX_ERROR_MESSAGES) {
				this.messages.add(Thread.currentThread().getName() + ": " + ex.getSQLState() + " " + ex.getMessage());
			}
		}

	}

}
