package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The zero-downtime benchmark: writers keep updating random rows of a large table while
 * {@code Stepwise.migrate()} applies a SchemaMigration that expands a column rename and
 * backfills it, on PostgreSQL or MariaDB.
 * <ol>
 * <li>Identical tables are filled: one per way the engine reaches the database
 * ({@code users} through a HikariCP pool, {@code users_url} through
 * {@code dataSource(url, ...)}), {@code users_floor_1} and {@code users_floor_2} for the
 * single-UPDATE floor, {@code users_idle} for the engine's backfill without load (a
 * diagnostic), {@code users_recipe} and {@code users_batches} for the references,
 * {@code users_writers} for the writers alone.</li>
 * <li>The floor: {@code ADD COLUMN full_name}, then one {@code UPDATE ... SET full_name =
 * name} of the whole table, timed; once before the real runs and once after them, so that
 * the floor is the mean of two measurements around the backfills it is compared with.</li>
 * <li>The writers' throughput without triggers, for a fixed time, on a table of its own.</li>
 * <li>Each real run: the writers start on its table, the migration runs, the writers stop
 * shortly after it; every operation's latency is kept, and slow ones are matched with the
 * expand's DDL or backfill batches. Rows whose two columns differ are counted.</li>
 * <li>The references under the same writers: the recipe and plain batches without sync
 * ({@link ReferenceRun}).</li>
 * <li>The writers' throughput with the sync triggers, alternated with short runs without
 * them (with, without; then without, with; ...), on the same table, so that the ratio
 * compares like with like; the ratio is the median of each pair's ratio.</li>
 * </ol>
 */
public final class ZeroDowntimeBenchmark {

	/**
	 * The writers-alone measurement's own table: its writes would leave a path's table
	 * slower to copy than the others' (dead rows, hot pages), so no path runs on it.
	 */
	private static final String WRITERS_ALONE = "users_writers";

	private ZeroDowntimeBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		Settings settings = Settings.parse(arguments);
		System.out.println("zero-downtime: " + settings);
		RunClock clock = new RunClock();
		try (ScratchDatabase database = ScratchDatabase.create(settings.database())) {
			Results results;
			if (settings.sizedServer()) {
				try (InnoDbSizing sizing = InnoDbSizing.apply(database)) {
					results = run(database, settings, clock);
				}
			}
			else {
				results = run(database, settings, clock);
			}
			new Report(settings, results).print(System.out);
		}
	}

	private static Results run(ScratchDatabase database, Settings settings, RunClock clock) throws Exception {
		Vendor vendor = database.vendor();
		long rows = settings.rows();
		List<String> tables = new ArrayList<>();
		for (ExpandRun.Path path : settings.paths()) {
			tables.add(table(path));
		}
		tables.addAll(List.of("users_floor_1", "users_floor_2", WRITERS_ALONE));
		if (settings.idleBackfill()) {
			tables.add("users_idle");
		}
		if (settings.references()) {
			tables.addAll(List.of("users_recipe", "users_batches"));
		}
		progress("filling " + String.join(", ", tables) + " with " + rows + " rows");
		for (String table : tables) {
			database.execute(vendor.fill(table, rows));
		}

		try (CompetingLoad competing = CompetingLoad.start(settings.competing())) {
			return measure(database, settings, clock, tables);
		}
	}

	private static Results measure(ScratchDatabase database, Settings settings, RunClock clock, List<String> tables)
			throws Exception {
		Vendor vendor = database.vendor();
		long rows = settings.rows();
		long floorBefore = floor(database, "users_floor_1", clock);

		@Nullable ExpandRun idle = null;
		if (settings.idleBackfill()) {
			progress("migrate() of users_idle through a pool, without writers");
			database.settle("users_idle");
			idle = ExpandRun.run(database, "users_idle", rows, settings.backfillWorkers(), ExpandRun.Path.POOL, clock);
			database.execute("DROP TABLE users_idle");
		}

		progress("writers without triggers for " + settings.throughputRun().toSeconds() + " s");
		database.settle(WRITERS_ALONE);
		WriterResult baseline = writers(database, WRITERS_ALONE, settings, clock).runFor(settings.throughputRun());
		database.execute("DROP TABLE " + WRITERS_ALONE);

		List<LoadedRun> loaded = new ArrayList<>();
		for (ExpandRun.Path path : settings.paths()) {
			loaded.add(loadedRun(database, table(path), path, settings, clock));
		}
		long floorAfter = floor(database, "users_floor_2", clock);
		List<ReferenceRun> references = new ArrayList<>();
		if (settings.references()) {
			for (ReferenceRun.Kind kind : ReferenceRun.Kind.values()) {
				progress("reference under the writers: " + kind.description());
				references.add(ReferenceRun.run(database, "users_" + kind, kind, settings, clock));
			}
		}

		String first = tables.get(0);
		SyncTriggers triggers = new SyncTriggers(database, first);
		progress("writers with and without the sync triggers (" + triggers.describe() + "), " + settings.triggerRounds()
				+ " rounds");
		database.settle(first);
		List<WriterResult> withTrigger = new ArrayList<>();
		List<WriterResult> withoutTrigger = new ArrayList<>();
		// A B, then B A, and so on: a server that speeds up or slows down through the rounds (its
		// writes of the runs before settling) favours neither side of a pair.
		for (int round = 0; round < settings.triggerRounds(); round++) {
			if (round % 2 == 0) {
				withTrigger.add(writers(database, first, settings, clock).runFor(settings.triggerRound()));
				triggers.off();
				withoutTrigger.add(writers(database, first, settings, clock).runFor(settings.triggerRound()));
			}
			else {
				withoutTrigger.add(writers(database, first, settings, clock).runFor(settings.triggerRound()));
				triggers.on();
				withTrigger.add(writers(database, first, settings, clock).runFor(settings.triggerRound()));
			}
		}
		if (settings.triggerRounds() % 2 == 1) {
			triggers.on();
		}
		return new Results(vendor, rows, List.of(floorBefore, floorAfter), idle, baseline, loaded, references,
				withTrigger, withoutTrigger);
	}

	/** Writers on the table, then the migration, then the writers a little longer. */
	private static LoadedRun loadedRun(ScratchDatabase database, String table, ExpandRun.Path path, Settings settings,
			RunClock clock) throws Exception {
		progress("real run through the " + path + ": writers, then migrate() of " + table);
		database.settle(table);
		ServerActivity activityBefore = ServerActivity.read(database);
		CheckpointAge checkpointAge = CheckpointAge.start(database);
		Writers load = writers(database, table, settings, clock);
		load.start(settings.cap());
		sleep(settings.lead());
		ExpandRun expand;
		WriterResult underLoad;
		try (checkpointAge) {
			expand = ExpandRun.run(database, table, settings.rows(), settings.backfillWorkers(), path, clock);
			sleep(settings.lead());
		}
		finally {
			underLoad = load.stop();
		}
		ServerActivity activity = ServerActivity.read(database).since(activityBefore);
		long inconsistent = database.queryLong("SELECT COUNT(*) FROM " + table + " WHERE "
				+ database.vendor().differs("full_name", "name"));
		return new LoadedRun(expand, underLoad, activity, checkpointAge.describe(), inconsistent);
	}

	private static String table(ExpandRun.Path path) {
		return (path == ExpandRun.Path.POOL) ? "users" : "users_url";
	}

	/** One UPDATE of the whole table after adding the column, from a settled server; the table is dropped afterwards. */
	private static long floor(ScratchDatabase database, String table, RunClock clock) throws SQLException {
		progress("floor: one UPDATE " + table + " SET full_name = name");
		database.execute("ALTER TABLE " + table + " ADD COLUMN full_name " + database.vendor().textType());
		database.settle(table);
		long start = clock.now();
		database.execute("UPDATE " + table + " SET full_name = name");
		long elapsed = clock.now() - start;
		database.execute("DROP TABLE " + table);
		return elapsed;
	}

	static Writers writers(ScratchDatabase database, String table, Settings settings, RunClock clock) {
		return new Writers(database.url(), table, settings.writers(), settings.rows(), clock, settings.slowThreshold());
	}

	private static void sleep(Duration duration) throws InterruptedException {
		Thread.sleep(duration.toMillis());
	}

	private static void progress(String message) {
		System.err.println("zero-downtime: " + message);
	}

	/**
	 * One migration under the writers' load.
	 * @param expand what the engine did
	 * @param underLoad what the writers saw meanwhile
	 * @param activity the server's WAL (redo log) and checkpoints meanwhile
	 * @param checkpointAge how close the log came to forcing a checkpoint meanwhile
	 * @param inconsistent rows whose two columns differ afterwards
	 */
	record LoadedRun(ExpandRun expand, WriterResult underLoad, ServerActivity activity, String checkpointAge,
			long inconsistent) {

	}

	/** Everything the report shows. */
	record Results(Vendor vendor, long rows, List<Long> floorNanos, @Nullable ExpandRun idle, WriterResult baseline,
			List<LoadedRun> loaded, List<ReferenceRun> references, List<WriterResult> withTrigger,
			List<WriterResult> withoutTrigger) {

		/** The rows per second of the floor's mean time. */
		double floorRowsPerSecond() {
			double meanSeconds = this.floorNanos.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e9;
			return this.rows / meanSeconds;
		}

	}

}
