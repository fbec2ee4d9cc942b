package dev.stepwise.migration.backfill;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * Describes a transformation of every row of a table, run in short batches, each its own
 * transaction, resumable after any interruption: {@code Backfill.of(dataSource, type,
 * "users").set("full_name", "first_name || ' ' || last_name").run()}. This class is the
 * description a user writes; the run itself (key, stored progress, workers) is
 * {@link BackfillRun}'s, from a frozen copy of it.
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
 * <li>The rest between batches adapts, as gh-ost's throttle does: it doubles (from a third
 * of the target duration, up to a second) for each batch during which another session
 * waited on a lock for longer than the target duration, or that took more than twice the
 * target; it halves back, down to {@link #pauseBetweenBatches(Duration)},
 * for each batch with neither.</li>
 * </ol>
 */
public final class Backfill {

	/** The table that keeps every backfill's cursor and progress. */
	public static final String PROGRESS_TABLE = ProgressStore.TABLE;

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

	private @Nullable String stateSchema;

	private BackfillListener listener = (progress) -> {
	};

	private Throttle.Observer throttleObserver = Throttle.Observer.NONE;

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
	 * A pause after each batch (default none), to leave room for other work; the throttle
	 * lengthens it while the backfill makes writers wait.
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
		return new BackfillRun(spec(false)).run();
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
		return ProgressQueries.all(dataSource, type, schema);
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
		ProgressQueries.forget(dataSource, type, schema, name);
	}

	/** Tells the observer how the throttle moves after each batch (the tests watch it). */
	Backfill throttleObserver(Throttle.Observer observer) {
		this.throttleObserver = observer;
		return this;
	}

	/** What this backfill describes, frozen for one run. */
	BackfillSpec spec(boolean bypassSyncTriggers) {
		return new BackfillSpec(this.dataSource, this.type, this.table, this.expressions, this.functions, this.where,
				this.name, this.targetBatchDuration, this.pause, this.initialBatchSize, this.maximumBatchSize,
				this.workers, this.stateSchema, this.listener, bypassSyncTriggers, this.throttleObserver);
	}

	private static void requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
	}

}
