package dev.stepwise.migration.backfill;

import dev.stepwise.migration.api.BackfillProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.dialect.StateTables;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transforms every row of a table in short batches, each its own transaction, resumable
 * after any interruption: {@code Backfill.of(dataSource, type, "users").set("full_name",
 * "first_name || ' ' || last_name").run()}.
 * <p>
 * How a run goes:
 * <ol>
 * <li>The table's key is found: its primary key, else a unique key of NOT NULL columns,
 * else (PostgreSQL only) its physical row id.</li>
 * <li>The backfill's row in {@code stepwise_backfills} is read, or created. A finished
 * backfill does nothing; an interrupted one continues after its stored cursor.</li>
 * <li>Each batch updates the next key range and stores the new cursor in the same
 * transaction, so a crash (even {@code kill -9}) loses at most the uncommitted batch, and
 * the rows end as one uninterrupted run would leave them.</li>
 * <li>The batch size follows the time each batch takes, towards
 * {@link #targetBatchDuration(Duration)}, so locks stay short on a busy table.</li>
 * <li>With {@link #workers(int) several workers}, each walks its own part of the key range
 * in the same way, with a cursor of its own.</li>
 * </ol>
 */
public final class Backfill {

	/** The table that keeps every backfill's cursor and progress. */
	public static final String PROGRESS_TABLE = ProgressStore.TABLE;

	private static final Logger logger = LoggerFactory.getLogger(Backfill.class);

	/** A part of the key range must be worth this many first batches, or one worker walks it all. */
	private static final int MINIMUM_BATCHES_PER_PART = 10;

	private final DataSource dataSource;

	private final DatabaseType type;

	private final String table;

	private final Map<String, String> expressions = new LinkedHashMap<>();

	private final Map<String, RowFunction> functions = new LinkedHashMap<>();

	private @Nullable String where;

	private @Nullable String name;

	private Duration targetBatchDuration = Duration.ofMillis(100);

	private Duration pause = Duration.ZERO;

	private int initialBatchSize = 1000;

	private int maximumBatchSize = 50_000;

	private int workers = 1;

	private boolean bypassSyncTriggers;

	private @Nullable String stateSchema;

	private BackfillListener listener = (progress) -> {
	};

	private Backfill(DataSource dataSource, DatabaseType type, String table) {
		this.dataSource = dataSource;
		this.type = type;
		this.table = table;
	}

	/**
	 * Starts describing a backfill of one table.
	 * @param dataSource where the table is; each batch takes a connection of its own
	 * @param type the database
	 * @param table the table name
	 * @return the backfill, to describe further and {@link #run()}
	 */
	public static Backfill of(DataSource dataSource, DatabaseType type, String table) {
		Objects.requireNonNull(dataSource, "dataSource must not be null");
		Objects.requireNonNull(type, "type must not be null");
		requireText(table, "table");
		return new Backfill(dataSource, type, table);
	}

	/**
	 * Sets a column to an SQL expression over the row, such as
	 * {@code first_name || ' ' || last_name}. The expression is SQL the caller wrote and
	 * is used as written.
	 * @param column the column to write
	 * @param sqlExpression the value
	 * @return this backfill
	 */
	public Backfill set(String column, String sqlExpression) {
		requireText(column, "column");
		requireText(sqlExpression, "sqlExpression");
		this.expressions.put(column, sqlExpression);
		return this;
	}

	/**
	 * Sets a column to a value computed in Java from the row. Rows are then read and
	 * written one by one inside each batch, which is slower than {@link #set}.
	 * @param column the column to write
	 * @param function the value, from the locked row
	 * @return this backfill
	 */
	public Backfill compute(String column, RowFunction function) {
		requireText(column, "column");
		Objects.requireNonNull(function, "function must not be null");
		this.functions.put(column, function);
		return this;
	}

	/**
	 * Limits the backfill to rows matching an SQL condition, such as
	 * {@code full_name IS NULL}.
	 * @param condition the condition
	 * @return this backfill
	 */
	public Backfill where(String condition) {
		requireText(condition, "condition");
		this.where = condition;
		return this;
	}

	/**
	 * Names the backfill: its key in the progress table, under which an interrupted run
	 * is resumed. Defaults to the table and the columns it writes.
	 * @param name the name, at most 200 characters
	 * @return this backfill
	 */
	public Backfill named(String name) {
		requireText(name, "name");
		if (name.length() > 200) {
			throw new IllegalArgumentException("name must be at most 200 characters: " + name);
		}
		this.name = name;
		return this;
	}

	/**
	 * The time one batch should take (default 100 ms); the batch size follows it.
	 * @param duration the target
	 * @return this backfill
	 */
	public Backfill targetBatchDuration(Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("targetBatchDuration must be positive: " + duration);
		}
		this.targetBatchDuration = duration;
		return this;
	}

	/**
	 * A pause after each batch (default none), to leave room for other work.
	 * @param pause the pause
	 * @return this backfill
	 */
	public Backfill pauseBetweenBatches(Duration pause) {
		if (pause.isNegative()) {
			throw new IllegalArgumentException("pauseBetweenBatches must not be negative: " + pause);
		}
		this.pause = pause;
		return this;
	}

	/**
	 * The first batch's size in rows (default 1,000); later batches follow the target
	 * duration.
	 * @param rows the size
	 * @return this backfill
	 */
	public Backfill initialBatchSize(int rows) {
		if (rows < 1) {
			throw new IllegalArgumentException("initialBatchSize must be at least 1: " + rows);
		}
		this.initialBatchSize = rows;
		return this;
	}

	/**
	 * The largest batch in rows (default 50,000), whatever the target duration.
	 * @param rows the size
	 * @return this backfill
	 */
	public Backfill maximumBatchSize(int rows) {
		if (rows < 1) {
			throw new IllegalArgumentException("maximumBatchSize must be at least 1: " + rows);
		}
		this.maximumBatchSize = rows;
		return this;
	}

	/**
	 * How many connections walk the table at once (default 1), each its own part of the
	 * key range, with batches of the target duration each. More than one splits only a key
	 * of one integer column, into parts of equal width between its lowest and highest
	 * values, and only a table that gives each part at least 10 first batches; otherwise
	 * one connection walks it all. An interrupted run resumes with the parts it started with.
	 * @param count the number of connections
	 * @return this backfill
	 */
	public Backfill workers(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("workers must be at least 1: " + count);
		}
		this.workers = count;
		return this;
	}

	/**
	 * Marks each batch so that Stepwise's expand/contract sync triggers skip their work for
	 * its rows. Only for a backfill that itself writes the value the trigger would have
	 * synced, as the expand of a column change does.
	 * @return this backfill
	 */
	public Backfill bypassSyncTriggers() {
		this.bypassSyncTriggers = true;
		return this;
	}

	/**
	 * The schema of Stepwise's state tables, where the progress is stored (the engine
	 * passes {@code stepwise.schema}); default the connection's current schema.
	 * @param schema the schema, or {@code null} for the connection's
	 * @return this backfill
	 */
	public Backfill stateSchema(@Nullable String schema) {
		this.stateSchema = schema;
		return this;
	}

	/**
	 * Told after each committed batch, from the worker that committed it (one call at a
	 * time), and, when several workers ran, once more when the backfill is done.
	 * @param listener the listener
	 * @return this backfill
	 */
	public Backfill listener(BackfillListener listener) {
		this.listener = Objects.requireNonNull(listener, "listener must not be null");
		return this;
	}

	/**
	 * Runs the backfill to its end, resuming a stored cursor if a run of the same name was
	 * interrupted.
	 * @return the final progress
	 * @throws SQLException if a batch fails; committed batches stay, and a new run resumes
	 * @throws IllegalStateException if a run of the same name had another definition
	 */
	public BackfillProgress run() throws SQLException {
		if (this.expressions.isEmpty() && this.functions.isEmpty()) {
			throw new IllegalStateException("Backfill of table '" + this.table + "' sets no column: call set(column, sqlExpression)"
					+ " or compute(column, function) before run()");
		}
		ProgressStore store = new ProgressStore(StateTables.of(this.type, this.stateSchema));
		BackfillTarget target;
		BatchWalker walker;
		ProgressStore.Stored stored;
		List<ProgressStore.Part> parts;
		try (Connection connection = this.dataSource.getConnection()) {
			target = BackfillTarget.resolve(connection, this.type, this.table);
			Assignments assignments = assignments(target);
			walker = target.walksPhysicalRows() ? new PhysicalRowWalker(this.type, target, assignments, this.where)
					: new KeysetWalker(this.type, target, assignments, this.where);
			stored = start(connection, store, target, assignments);
			parts = stored.done() ? List.of() : parts(connection, store, stored, walker);
		}
		if (stored.done()) {
			return stored.progress();
		}
		int initial = target.walksPhysicalRows() ? Math.max(1, this.initialBatchSize / 50) : this.initialBatchSize;
		ProgressReport report = new ProgressReport(stored, this.listener);
		BackfillProgress progress;
		try {
			if (parts.isEmpty()) {
				walk(runner(store, stored.name(), 0, walker), stored.cursor(), stored.rowsDone(), initial, report, true,
						() -> false);
				progress = report.current(true);
			}
			else {
				walkParts(store, stored.name(), (KeysetWalker) walker, parts, initial, report);
				try (Connection connection = this.dataSource.getConnection()) {
					store.finishParts(connection, stored.name(), report.current(true).rowsDone());
				}
				progress = report.finished();
			}
		}
		catch (SQLException ex) {
			throw stopped(stored.name(), target.table(), report.current(false).rowsDone(), ex);
		}
		logger.info("Backfill '{}' of {} finished: {} rows", stored.name(), target.table(), progress.rowsDone());
		return progress;
	}

	/**
	 * Every backfill in the progress table of the connection's schema, running or done.
	 * @param dataSource the database
	 * @param type the database type
	 * @return the progress of each, oldest first; empty if no backfill ever ran
	 * @throws SQLException if the table cannot be read
	 */
	public static List<BackfillProgress> progress(DataSource dataSource, DatabaseType type) throws SQLException {
		return progress(dataSource, type, null);
	}

	/**
	 * Every backfill in the progress table, running or done, for {@code info()}. Reads
	 * only: a missing table is no backfill, and is not created.
	 * @param dataSource the database
	 * @param type the database type
	 * @param schema the schema of the state tables, {@code null} for the connection's
	 * @return the progress of each, oldest first; empty if no backfill ever ran
	 * @throws SQLException if the table cannot be read
	 */
	public static List<BackfillProgress> progress(DataSource dataSource, DatabaseType type, @Nullable String schema)
			throws SQLException {
		ProgressStore store = new ProgressStore(StateTables.of(type, schema));
		try (Connection connection = dataSource.getConnection()) {
			if (!store.exists(connection)) {
				return List.of();
			}
			List<BackfillProgress> all = new ArrayList<>();
			for (ProgressStore.Stored stored : store.all(connection)) {
				all.add(stored.progress());
			}
			return all;
		}
	}

	/**
	 * Forgets a backfill's stored progress in the connection's schema, so that a run of
	 * that name starts over.
	 * @param dataSource the database
	 * @param type the database type
	 * @param name the backfill's name
	 * @throws SQLException if the row cannot be deleted
	 */
	public static void forget(DataSource dataSource, DatabaseType type, String name) throws SQLException {
		forget(dataSource, type, null, name);
	}

	/**
	 * Forgets a backfill's stored progress, so that a run of that name starts over.
	 * @param dataSource the database
	 * @param type the database type
	 * @param schema the schema of the state tables, {@code null} for the connection's
	 * @param name the backfill's name
	 * @throws SQLException if the row cannot be deleted
	 */
	public static void forget(DataSource dataSource, DatabaseType type, @Nullable String schema, String name)
			throws SQLException {
		ProgressStore store = new ProgressStore(StateTables.of(type, schema));
		try (Connection connection = dataSource.getConnection()) {
			if (store.exists(connection)) {
				store.delete(connection, name);
			}
		}
	}

	/**
	 * The failure of a batch, saying what stays: the batches committed before it, with their
	 * cursor, from which the next run resumes. Keeps the cause's SQL state and error code.
	 */
	private static SQLException stopped(String name, String table, long rowsDone, SQLException cause) {
		return new SQLException("Backfill '" + name + "' of " + table + " stopped: " + cause.getMessage()
				+ " [SQL state " + cause.getSQLState() + "]. The batch in flight was rolled back; the " + rowsDone
				+ " row(s) of the batches committed before it stay, with their cursor in " + PROGRESS_TABLE
				+ ". Run it again (the next migrate, or the background backfill) to resume after them.",
				cause.getSQLState(), cause.getErrorCode(), cause);
	}

	private Assignments assignments(BackfillTarget target) {
		Map<String, String> expressions = new LinkedHashMap<>();
		this.expressions.forEach((column, expression) -> expressions.put(target.column(column), expression));
		Map<String, RowFunction> functions = new LinkedHashMap<>();
		this.functions.forEach((column, function) -> functions.put(target.column(column), function));
		return new Assignments(expressions, functions);
	}

	private ProgressStore.Stored start(Connection connection, ProgressStore store, BackfillTarget target,
			Assignments assignments) throws SQLException {
		store.createIfMissing(connection);
		String definition = definition(target, assignments);
		String name = (this.name != null) ? this.name : defaultName(target, assignments);
		ProgressStore.Stored stored = store.load(connection, name);
		if (stored == null) {
			store.insert(connection, name, target.table(), definition, RowCountEstimate.of(connection, this.type, target.table()));
			stored = Objects.requireNonNull(store.load(connection, name));
		}
		else if (!stored.definition().equals(definition)) {
			throw new IllegalStateException("Backfill '" + name + "' was started with another definition ("
					+ stored.definition() + "), not " + definition + ": give this one another name with named(...),"
					+ " or call Backfill.forget(...) to start over");
		}
		else if (!stored.done()) {
			logger.info("Backfill '{}' of {} resumes after {} rows", name, target.table(), stored.rowsDone());
		}
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
		return stored;
	}

	/**
	 * The parts several workers share: those stored by an interrupted run, else new ones
	 * when this run starts from scratch with more than one worker and the key range splits.
	 */
	private List<ProgressStore.Part> parts(Connection connection, ProgressStore store, ProgressStore.Stored stored,
			BatchWalker walker) throws SQLException {
		List<ProgressStore.Part> parts = store.parts(connection, stored.name());
		if (!parts.isEmpty() || this.workers < 2 || stored.cursor() != null || stored.rowsDone() > 0
				|| !(walker instanceof KeysetWalker keyset)) {
			return parts;
		}
		List<String> points = keyset.splitPoints(connection, this.workers, MINIMUM_BATCHES_PER_PART * this.initialBatchSize);
		if (points.isEmpty()) {
			return parts;
		}
		List<@Nullable String> starts = new ArrayList<>();
		starts.add(null);
		starts.addAll(points);
		List<@Nullable String> ends = new ArrayList<>(points);
		ends.add(null);
		store.insertParts(connection, stored.name(), stored.table(), starts, ends);
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
		return store.parts(connection, stored.name());
	}

	/**
	 * Runs batches from {@code cursor} to the end of the walker's range.
	 * @param rowsDone the rows this walk did before, stored with its cursor
	 * @param endsBackfill whether the walk's last batch is the backfill's
	 * @param stop asked before each batch, to stop early
	 */
	private void walk(BatchRunner runner, @Nullable String cursor, long rowsDone, int initial, ProgressReport report,
			boolean endsBackfill, BooleanSupplier stop) throws SQLException {
		BatchSizer sizer = new BatchSizer(this.targetBatchDuration, initial, this.maximumBatchSize);
		String next = cursor;
		long walked = rowsDone;
		while (!stop.getAsBoolean()) {
			long started = System.nanoTime();
			BatchWalker.Batch batch = runner.run(next, walked, sizer.size());
			sizer.record(batch.size(), System.nanoTime() - started);
			next = batch.cursor();
			walked += batch.rowsWalked();
			report.batchCommitted(batch.rowsWalked(), batch.last() && endsBackfill);
			if (batch.last()) {
				return;
			}
			pause();
		}
	}

	/** Walks the unfinished parts at once, one worker each; a failing worker stops the others after their batch. */
	private void walkParts(ProgressStore store, String name, KeysetWalker walker, List<ProgressStore.Part> parts,
			int initial, ProgressReport report) throws SQLException {
		List<ProgressStore.Part> unfinished = parts.stream().filter((part) -> !part.done()).toList();
		if (unfinished.isEmpty()) {
			return;
		}
		AtomicBoolean failed = new AtomicBoolean();
		AtomicInteger threads = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(unfinished.size(), (task) -> {
			Thread thread = new Thread(task, "stepwise-backfill-" + threads.incrementAndGet() + "-" + name);
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<@Nullable Void>> running = new ArrayList<>();
			for (ProgressStore.Part part : unfinished) {
				BatchRunner runner = runner(store, name, part.number(), walker.endingAt(part.end()));
				running.add(executor.submit(() -> {
					try {
						walk(runner, part.cursor(), part.rowsDone(), initial, report, false, failed::get);
						return null;
					}
					catch (SQLException | RuntimeException ex) {
						failed.set(true);
						throw ex;
					}
				}));
			}
			awaitAll(running);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void awaitAll(List<Future<@Nullable Void>> running) throws SQLException {
		Exception failure = null;
		for (Future<@Nullable Void> worker : running) {
			try {
				worker.get();
			}
			catch (ExecutionException ex) {
				Exception cause = (ex.getCause() instanceof Exception exception) ? exception : ex;
				if (failure == null) {
					failure = cause;
				}
				else {
					failure.addSuppressed(cause);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Backfill interrupted; it resumes from its stored cursors at the next run", ex);
			}
		}
		if (failure instanceof SQLException sqlFailure) {
			throw sqlFailure;
		}
		if (failure instanceof RuntimeException runtimeFailure) {
			throw runtimeFailure;
		}
		if (failure != null) {
			throw new IllegalStateException(failure);
		}
	}

	private BatchRunner runner(ProgressStore store, String name, int part, BatchWalker walker) {
		BatchRunner transactional = new TransactionalBatchRunner(this.dataSource, this.type, this.bypassSyncTriggers, store,
				name, part, walker);
		if (this.type == DatabaseType.POSTGRESQL && walker instanceof KeysetWalker keyset && keyset.updatesInSql()) {
			return new PipelinedBatchRunner(this.dataSource, this.bypassSyncTriggers, store, name, part, keyset, transactional);
		}
		return transactional;
	}

	private void pause() {
		if (this.pause.isZero()) {
			return;
		}
		try {
			Thread.sleep(this.pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Backfill interrupted; it resumes from its stored cursor at the next run", ex);
		}
	}

	private String definition(BackfillTarget target, Assignments assignments) {
		String definition = target.table() + " SET " + assignments.expressions() + " COMPUTE "
				+ assignments.functions().keySet() + ((this.where != null) ? " WHERE " + this.where : "");
		return (definition.length() <= 4000) ? definition : definition.substring(0, 3980) + "#" + definition.hashCode();
	}

	private static String defaultName(BackfillTarget target, Assignments assignments) {
		List<String> columns = new ArrayList<>(assignments.expressions().keySet());
		columns.addAll(assignments.functions().keySet());
		String name = target.table() + "." + String.join(",", columns);
		return (name.length() <= 200) ? name : name.substring(0, 180) + "#" + Integer.toHexString(name.hashCode());
	}

	private static void requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
	}

}
