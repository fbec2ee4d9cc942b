package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The zero-downtime benchmark of issue 4: writers keep updating random rows of a large
 * table while the engine expands a column rename and backfills it.
 * <ol>
 * <li>Identical tables are filled: {@code users} for the run, {@code users_floor_1} and
 * {@code users_floor_2} for the single-UPDATE floor, and {@code users_idle} for the
 * engine's backfill without load (a diagnostic).</li>
 * <li>The floor: {@code ADD COLUMN full_name}, then one {@code UPDATE ... SET full_name =
 * name} of the whole table, timed; once before the real run and once after it, so that
 * the floor is the mean of two measurements around the backfill it is compared with.</li>
 * <li>The writers' throughput without triggers, for a fixed time.</li>
 * <li>The real run: the writers start, the expand runs, the writers stop shortly after
 * it; every operation's latency is kept, and slow ones are matched with the expand's DDL
 * transaction or backfill batches.</li>
 * <li>Rows whose two columns differ are counted.</li>
 * <li>The writers' throughput with the sync triggers, alternated with short runs where the
 * triggers are disabled, on the same table, so that the ratio compares like with like; the
 * ratio is the median of each pair's ratio.</li>
 * </ol>
 */
public final class ZeroDowntimeBenchmark {

	private ZeroDowntimeBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		Settings settings = Settings.parse(arguments);
		System.out.println("zero-downtime: " + settings);
		RunClock clock = new RunClock();
		try (ScratchDatabase database = ScratchDatabase.create()) {
			Results results = run(database, settings, clock);
			new Report(settings, results).print(System.out);
		}
	}

	private static Results run(ScratchDatabase database, Settings settings, RunClock clock) throws Exception {
		long rows = settings.rows();
		progress("filling users, users_floor_1, users_floor_2" + (settings.idleBackfill() ? ", users_idle" : "") + " with "
				+ rows + " rows");
		fill(database, "users", rows);
		fill(database, "users_floor_1", rows);
		fill(database, "users_floor_2", rows);
		if (settings.idleBackfill()) {
			fill(database, "users_idle", rows);
		}

		long floorBefore = floor(database, "users_floor_1", clock);

		@Nullable ExpandRun idle = null;
		if (settings.idleBackfill()) {
			progress("engine expand of users_idle without writers");
			database.execute("CHECKPOINT");
			idle = ExpandRun.run(database, "users_idle", rows, settings.targetBatchDuration(), settings.reuseConnections(),
					clock);
			database.execute("DROP TABLE users_idle");
		}

		progress("writers without triggers for " + settings.throughputRun().toSeconds() + " s");
		database.execute("CHECKPOINT");
		WriterResult baseline = writers(database, settings, clock).runFor(settings.throughputRun());

		progress("real run: writers, then the expand of users");
		database.execute("CHECKPOINT");
		ServerActivity activityBefore = ServerActivity.read(database);
		Writers load = writers(database, settings, clock);
		load.start(settings.cap());
		sleep(settings.lead());
		ExpandRun expand;
		WriterResult underLoad;
		try {
			expand = ExpandRun.run(database, "users", rows, settings.targetBatchDuration(), settings.reuseConnections(), clock);
			sleep(settings.lead());
		}
		finally {
			underLoad = load.stop();
		}
		ServerActivity activity = ServerActivity.read(database).since(activityBefore);
		long inconsistent = database.queryLong("SELECT COUNT(*) FROM users WHERE full_name IS DISTINCT FROM name");
		long floorAfter = floor(database, "users_floor_2", clock);

		String triggers = database.queryString("SELECT string_agg(tgname, ', ' ORDER BY tgname) FROM pg_trigger"
				+ " WHERE tgrelid = 'users'::regclass AND NOT tgisinternal");
		progress("writers with and without the sync triggers (" + triggers + "), " + settings.triggerRounds() + " rounds");
		database.execute("VACUUM ANALYZE users", "CHECKPOINT");
		List<WriterResult> withTrigger = new ArrayList<>();
		List<WriterResult> withoutTrigger = new ArrayList<>();
		for (int round = 0; round < settings.triggerRounds(); round++) {
			withTrigger.add(writers(database, settings, clock).runFor(settings.triggerRound()));
			// USER: every trigger but the internal ones, and the only triggers users has are the expand's.
			database.execute("ALTER TABLE users DISABLE TRIGGER USER");
			withoutTrigger.add(writers(database, settings, clock).runFor(settings.triggerRound()));
			database.execute("ALTER TABLE users ENABLE TRIGGER USER");
		}
		return new Results(rows, List.of(floorBefore, floorAfter), idle, baseline, expand, underLoad, activity, inconsistent,
				withTrigger, withoutTrigger);
	}

	/** One UPDATE of the whole table after adding the column, from a checkpoint; the table is dropped afterwards. */
	private static long floor(ScratchDatabase database, String table, RunClock clock) throws SQLException {
		progress("floor: one UPDATE " + table + " SET full_name = name");
		database.execute("ALTER TABLE " + table + " ADD COLUMN full_name text", "CHECKPOINT");
		long start = clock.now();
		database.execute("UPDATE " + table + " SET full_name = name");
		long elapsed = clock.now() - start;
		database.execute("DROP TABLE " + table);
		return elapsed;
	}

	/** A table like an application's, filled in one statement, keyed and analysed afterwards. */
	private static void fill(ScratchDatabase database, String table, long rows) throws SQLException {
		database.execute("CREATE TABLE " + table + " (id bigint NOT NULL, name text, email text, updated_at timestamptz)",
				"INSERT INTO " + table + " SELECT g, 'name-' || g, 'user' || g || '@example.com', now()"
						+ " FROM generate_series(1, " + rows + ") g",
				"ALTER TABLE " + table + " ADD PRIMARY KEY (id)", "VACUUM ANALYZE " + table);
	}

	private static Writers writers(ScratchDatabase database, Settings settings, RunClock clock) {
		return new Writers(database.url(), "users", settings.writers(), settings.rows(), clock, settings.slowThreshold());
	}

	private static void sleep(Duration duration) throws InterruptedException {
		Thread.sleep(duration.toMillis());
	}

	private static void progress(String message) {
		System.err.println("zero-downtime: " + message);
	}

	/** Everything the report shows. */
	record Results(long rows, List<Long> floorNanos, @Nullable ExpandRun idle, WriterResult baseline, ExpandRun expand,
			WriterResult underLoad, ServerActivity activity, long inconsistent, List<WriterResult> withTrigger, List<WriterResult> withoutTrigger) {

		/** The rows per second of the floor's mean time. */
		double floorRowsPerSecond() {
			double meanSeconds = this.floorNanos.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e9;
			return this.rows / meanSeconds;
		}

	}

}
