package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;

/**
 * One expand of {@code renameColumn(table, "name", "full_name")} as a user runs it: a
 * {@link V2__Rename_name} SchemaMigration applied by {@code Stepwise.migrate()}, through an
 * application's HikariCP pool or through {@code dataSource(url, user, password)}. Timed
 * whole, and from the connections' side: its DDL and its backfill batches.
 *
 * @param path the way the engine reached the database
 * @param timeline what the expand did and when
 * @param statementTotals the engine's time per kind of statement: label to {count, nanos}
 * @param rows the table's rows
 * @param startNanos when {@code migrate()} was called, on the run's clock
 * @param endNanos when it returned
 * @param connectionsOpened the physical connections the engine opened (the URL path; the pool's are its own)
 * @param peakHeapMegabytes the benchmark JVM's largest heap in use after a collection during {@code migrate()}
 */
record ExpandRun(Path path, ExpandTimeline timeline, Map<String, long[]> statementTotals, long rows, long startNanos,
		long endNanos, long connectionsOpened, long peakHeapMegabytes) {

	/** How the engine reaches the database. */
	enum Path {

		/** {@code dataSource(hikari)}: an application's pool. */
		POOL,

		/** {@code dataSource(url, null, null)}: the engine's own DataSource. */
		URL;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static ExpandRun run(ScratchDatabase database, String table, long rows, int workers, Path path, RunClock clock)
			throws Exception {
		ExpandTimeline timeline = new ExpandTimeline(table);
		StatementTimings timings = new StatementTimings(clock, timeline);
		StepwiseConfiguration.Builder configuration = Stepwise.configure()
			// No scripts: the one migration is the Java one.
			.locations("classpath:stepwise-benchmark-no-scripts")
			.javaMigrations(new V2__Rename_name(table))
			// Each run's table has its own history; the table is there before it, as version 1.
			.table("stepwise_history_" + table)
			.baselineOnMigrate(true)
			.baselineVersion("1")
			.backfillWorkers(workers);
		if (path == Path.POOL) {
			try (HikariDataSource pool = pool(database, workers)) {
				return timed(configuration.dataSource(new TimedDataSource(pool, timings)).load(), path, timeline, timings,
						rows, clock);
			}
		}
		Stepwise stepwise = configuration.dataSource(TimedDriver.url(database.url(), timings), null, null).load();
		return timed(stepwise, path, timeline, timings, rows, clock);
	}

	private static ExpandRun timed(Stepwise stepwise, Path path, ExpandTimeline timeline, StatementTimings timings,
			long rows, RunClock clock) throws Exception {
		long start;
		long end;
		HeapWatch heap = new HeapWatch();
		try (heap) {
			start = clock.now();
			stepwise.migrate();
			end = clock.now();
		}
		long connections = (path == Path.URL) ? TimedDriver.connectionsOpened() : 0;
		return new ExpandRun(path, timeline, timings.totals(), rows, start, end, connections, heap.peakMegabytes());
	}

	/** An application's pool, started and filled before the run, as it would be by then. */
	private static HikariDataSource pool(ScratchDatabase database, int workers) throws SQLException {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		config.setPoolName("zero-downtime");
		// The engine's session and lock, the expand's connection, one per worker, and room to spare.
		config.setMaximumPoolSize(workers + 4);
		HikariDataSource pool = new HikariDataSource(config);
		try (Connection connection = pool.getConnection()) {
			connection.isValid(5);
		}
		return pool;
	}

	long expandNanos() {
		return this.endNanos - this.startNanos;
	}

	/** From the DDL's commit to {@code migrate()}'s return: the backfill, with its bookkeeping. */
	long backfillNanos() {
		return this.endNanos - this.timeline.ddlTransaction().end();
	}

	double backfillRowsPerSecond() {
		return this.rows / (backfillNanos() / 1e9);
	}

}
