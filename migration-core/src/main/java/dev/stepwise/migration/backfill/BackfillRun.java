package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.dialect.StateTables;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link BackfillSpec}: finds the table's key, loads or creates the stored
 * progress (and the workers' parts), then walks the rest of the table, alone or with
 * {@link Workers}.
 */
final class BackfillRun {

	private static final Logger logger = LoggerFactory.getLogger(BackfillRun.class);

	/** A part of the key range must be worth this many first batches, or one worker walks it all. */
	private static final int MINIMUM_BATCHES_PER_PART = 10;

	private final BackfillSpec spec;

	private final ProgressStore store;

	BackfillRun(BackfillSpec spec) {
		this.spec = spec;
		this.store = new ProgressStore(StateTables.of(spec.type(), spec.stateSchema()));
	}

	BackfillProgress run() throws SQLException {
		BackfillSpec spec = this.spec;
		if (spec.expressions().isEmpty() && spec.functions().isEmpty()) {
			throw new IllegalStateException("Backfill of table '" + spec.table() + "' sets no column: call set(column,"
					+ " sqlExpression) or compute(column, function) before run()");
		}
		BackfillTarget target;
		BatchWalker walker;
		ProgressStore.Stored stored;
		List<ProgressStore.Part> parts;
		try (Connection connection = spec.dataSource().getConnection()) {
			target = BackfillTarget.resolve(connection, spec.type(), spec.table());
			Assignments assignments = assignments(target);
			walker = target.walksPhysicalRows() ? new PhysicalRowWalker(spec.type(), target, assignments, spec.where())
					: new KeysetWalker(spec.type(), target, assignments, spec.where());
			stored = start(connection, target, assignments);
			parts = stored.done() ? List.of() : parts(connection, stored, walker);
		}
		if (stored.done()) {
			return stored.progress();
		}
		int initial = target.walksPhysicalRows() ? Math.max(1, spec.initialBatchSize() / 50) : spec.initialBatchSize();
		ProgressReport report = new ProgressReport(stored, spec.listener());
		Throttle throttle = new Throttle(stored.name(), spec.pause(), spec.targetBatchDuration(), spec.throttleObserver());
		BackfillProgress progress;
		try {
			if (parts.isEmpty()) {
				walk(stored.name(), 0, walker, throttle).from(stored.cursor(), stored.rowsDone(), initial, report, true, () -> false);
				progress = report.current(true);
			}
			else {
				KeysetWalker keyset = (KeysetWalker) walker;
				new Workers(stored.name()).walk(parts,
						(part) -> walk(stored.name(), part.number(), keyset.endingAt(part.end()), throttle), initial, report);
				try (Connection connection = spec.dataSource().getConnection()) {
					this.store.finishParts(connection, stored.name(), report.current(true).rowsDone());
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

	/** The walk of one part ({@code 0}: the whole table) by the runner that suits it. */
	private Walk walk(String name, int part, BatchWalker walker, Throttle throttle) {
		return new Walk(runner(name, part, walker), this.spec.targetBatchDuration(), this.spec.maximumBatchSize(),
				throttle);
	}

	private BatchRunner runner(String name, int part, BatchWalker walker) {
		BackfillSpec spec = this.spec;
		BatchRunner transactional = new TransactionalBatchRunner(spec.dataSource(), spec.type(),
				spec.bypassSyncTriggers(), this.store, name, part, walker, spec.targetBatchDuration());
		if (spec.type() == DatabaseType.POSTGRESQL && walker instanceof KeysetWalker keyset && keyset.updatesInSql()) {
			return new PipelinedBatchRunner(spec.dataSource(), spec.bypassSyncTriggers(), this.store, name, part, keyset,
					transactional, spec.targetBatchDuration());
		}
		return transactional;
	}

	/**
	 * The failure of a batch, saying what stays: the batches committed before it, with their
	 * cursor, from which the next run resumes. Keeps the cause's SQL state and error code.
	 */
	private static SQLException stopped(String name, String table, long rowsDone, SQLException cause) {
		return new SQLException("Backfill '" + name + "' of " + table + " stopped: " + cause.getMessage()
				+ " [SQL state " + cause.getSQLState() + "]. The batch in flight was rolled back; the " + rowsDone
				+ " row(s) of the batches committed before it stay, with their cursor in " + Backfill.PROGRESS_TABLE
				+ ". Run it again (the next migrate, or the background backfill) to resume after them.",
				cause.getSQLState(), cause.getErrorCode(), cause);
	}

	private Assignments assignments(BackfillTarget target) {
		Map<String, String> expressions = new LinkedHashMap<>();
		this.spec.expressions().forEach((column, expression) -> expressions.put(target.column(column), expression));
		Map<String, RowFunction> functions = new LinkedHashMap<>();
		this.spec.functions().forEach((column, function) -> functions.put(target.column(column), function));
		return new Assignments(expressions, functions);
	}

	private ProgressStore.Stored start(Connection connection, BackfillTarget target, Assignments assignments)
			throws SQLException {
		this.store.createIfMissing(connection);
		String definition = definition(target, assignments);
		String name = (this.spec.name() != null) ? this.spec.name() : defaultName(target, assignments);
		ProgressStore.Stored stored = this.store.load(connection, name);
		if (stored == null) {
			this.store.insert(connection, name, target.table(), definition,
					RowCountEstimate.of(connection, this.spec.type(), target.table()));
			stored = Objects.requireNonNull(this.store.load(connection, name));
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
	private List<ProgressStore.Part> parts(Connection connection, ProgressStore.Stored stored, BatchWalker walker)
			throws SQLException {
		int workers = this.spec.workers();
		List<ProgressStore.Part> parts = this.store.parts(connection, stored.name());
		if (!parts.isEmpty() || workers < 2 || stored.cursor() != null || stored.rowsDone() > 0
				|| !(walker instanceof KeysetWalker keyset)) {
			return parts;
		}
		List<String> points = keyset.splitPoints(connection, workers,
				MINIMUM_BATCHES_PER_PART * this.spec.initialBatchSize());
		if (points.isEmpty()) {
			return parts;
		}
		List<@Nullable String> starts = new ArrayList<>();
		starts.add(null);
		starts.addAll(points);
		List<@Nullable String> ends = new ArrayList<>(points);
		ends.add(null);
		this.store.insertParts(connection, stored.name(), stored.table(), starts, ends);
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
		return this.store.parts(connection, stored.name());
	}

	private String definition(BackfillTarget target, Assignments assignments) {
		String where = this.spec.where();
		String definition = target.table() + " SET " + assignments.expressions() + " COMPUTE "
				+ assignments.functions().keySet() + ((where != null) ? " WHERE " + where : "");
		return (definition.length() <= 4000) ? definition : definition.substring(0, 3980) + "#" + definition.hashCode();
	}

	private static String defaultName(BackfillTarget target, Assignments assignments) {
		List<String> columns = new ArrayList<>(assignments.expressions().keySet());
		columns.addAll(assignments.functions().keySet());
		String name = target.table() + "." + String.join(",", columns);
		return (name.length() <= 200) ? name : name.substring(0, 180) + "#" + Integer.toHexString(name.hashCode());
	}

}
