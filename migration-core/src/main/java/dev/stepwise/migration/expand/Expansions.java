package dev.stepwise.migration.expand;

import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.RegisteredInstance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.backfill.Backfill;
import dev.stepwise.migration.backfill.BackfillListener;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.dialect.StateTables;
import dev.stepwise.migration.internal.lock.RunLock;
import dev.stepwise.migration.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs column changes as expand and contract, and undoes either phase.
 * <ol>
 * <li>{@link #expand}: adds the new column (nullable), installs the sync triggers, then
 * fills the new column by a resumable batched backfill that bypasses the triggers, and
 * after it builds on the new column a copy of each of the old column's indexes and unique
 * constraints (so that the build does not slow the backfill).</li>
 * <li>{@link #contract}: deferred while a live instance's code predates the expand (and
 * then remembered, for {@link #retryDeferredContracts()}); otherwise finishes the backfill
 * and the index copies, checks that no row differs, gives the new column the NOT NULL it
 * needs, decides again under the registry's lock (an old instance may have registered
 * meanwhile), and under that lock drops the triggers, the old column and its indexes, and
 * gives the new column the old one's default and its indexes their names.</li>
 * <li>{@link #undoExpand}: drops the triggers and the new column with its indexes; the old
 * column is as the old code left it.</li>
 * <li>{@link #undoContract}: gives the copies of the indexes their own names back, adds the
 * old column back with its default, installs the triggers, fills it from the new column by
 * the reverse conversion, rebuilds its indexes under their names, and restores its NOT
 * NULL.</li>
 * </ol>
 * The new column takes the default only at the contract: the sync triggers tell the column
 * that a statement wrote from the one it left out by which is null, and a default on the
 * new column would make every insert of old code look like one that wrote both.
 * <p>
 * Every step can run again after a crash: DDL is idempotent and backfills resume. Configure
 * before use; an instance is not meant to be reconfigured while it runs.
 */
public final class Expansions {

	/** Connections per backfill unless {@link #backfillWorkers(int)} says otherwise. */
	public static final int DEFAULT_BACKFILL_WORKERS = 2;

	private static final Logger logger = LoggerFactory.getLogger(Expansions.class);

	private final DataSource dataSource;

	private final DatabaseType type;

	private final @Nullable String schema;

	private final ExpansionStore store;

	private final SyncTriggers triggers;

	private final ColumnDdl ddl;

	private final IndexDdl indexDdl;

	private final InstanceRegistry instances;

	private Duration instanceStaleness = InstanceRegistry.DEFAULT_STALENESS;

	private DdlRunner ddlRunner = new DdlRunner(DdlExecutor.PLAIN);

	// Shorter than a plain backfill's: two releases write this table meanwhile, and a writer
	// that meets a row of the running batch waits for that batch to commit. Each worker rests
	// a third of it after each batch, so that two workers keep about one and a half
	// connections busy and the application's own statements still find the database free:
	// on two cores under four writers that held their p99 latency near 7 ms instead of 9 ms.
	private Duration targetBatchDuration = Duration.ofMillis(25);

	private int backfillWorkers = DEFAULT_BACKFILL_WORKERS;

	private BackfillListener backfillListener = (progress) -> {
	};

	private ConnectionBudget connections = ConnectionBudget.UNKNOWN;

	/**
	 * Expansions with their state tables in the connection's schema.
	 * @param dataSource the database; backfill batches take connections of their own
	 * @param type the database type
	 */
	public Expansions(DataSource dataSource, DatabaseType type) {
		this(dataSource, type, null);
	}

	/**
	 * @param dataSource the database; backfill batches take connections of their own
	 * @param type the database type
	 * @param schema the schema of Stepwise's state tables ({@code stepwise.schema}),
	 * {@code null} for the connection's
	 */
	public Expansions(DataSource dataSource, DatabaseType type, @Nullable String schema) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		this.type = Objects.requireNonNull(type, "type must not be null");
		this.schema = schema;
		this.store = new ExpansionStore(StateTables.of(type, schema));
		this.triggers = SyncTriggers.of(type);
		this.ddl = new ColumnDdl(type);
		this.indexDdl = new IndexDdl(type);
		this.instances = new InstanceRegistry(dataSource, type, schema);
	}

	/**
	 * How long a contract waits for a registration in progress, and a registration for a
	 * contract's last decision and drop (default 60 s).
	 * @param wait the wait
	 * @return this
	 */
	public Expansions lockWait(Duration wait) {
		this.instances.lockWait(wait);
		return this;
	}

	/**
	 * How many connections the caller holds while it calls this (the engine: its lock's and
	 * its work's). Each step then knows, with the pool's maximum size, what it may take
	 * before taking any: a backfill runs with fewer workers, and a step that cannot fit
	 * refuses at once, naming the pool size it needs, instead of waiting for a connection
	 * that never comes.
	 * @param connections the connections the caller holds meanwhile
	 * @param holders what the caller holds them for, for the message
	 * @return this
	 */
	public Expansions connectionsHeldByCaller(int connections, String holders) {
		this.connections = new ConnectionBudget(PoolSize.of(this.dataSource), connections, holders);
		return this;
	}

	/** The schema of the state tables, {@code null} for the connection's. */
	public @Nullable String stateSchema() {
		return this.schema;
	}

	/**
	 * The silence after which a registered instance counts as gone (default 2 minutes).
	 * @param staleness the silence
	 * @return this
	 */
	public Expansions instanceStaleness(Duration staleness) {
		if (staleness.isNegative() || staleness.isZero()) {
			throw new IllegalArgumentException("instanceStaleness must be positive: " + staleness);
		}
		this.instanceStaleness = staleness;
		return this;
	}

	/**
	 * How DDL runs (default: as is); the engine passes one with its lock timeout and retries.
	 * @param executor the executor
	 * @return this
	 */
	public Expansions ddlExecutor(DdlExecutor executor) {
		this.ddlRunner = new DdlRunner(Objects.requireNonNull(executor, "ddlExecutor must not be null"));
		return this;
	}

	/**
	 * The target duration of one backfill batch (default 25 ms); each worker pauses a third
	 * of it after each batch.
	 * @param duration the target
	 * @return this
	 */
	public Expansions targetBatchDuration(Duration duration) {
		this.targetBatchDuration = Objects.requireNonNull(duration, "targetBatchDuration must not be null");
		return this;
	}

	/**
	 * How many connections each backfill uses at once, each walking its own part of the
	 * table (default 2); see {@link Backfill#workers(int)}.
	 * @param workers the number of connections
	 * @return this
	 */
	public Expansions backfillWorkers(int workers) {
		if (workers < 1) {
			throw new IllegalArgumentException("backfillWorkers must be at least 1: " + workers);
		}
		this.backfillWorkers = workers;
		return this;
	}

	/**
	 * Told after each backfill batch, for metrics.
	 * @param listener the listener
	 * @return this
	 */
	public Expansions backfillListener(BackfillListener listener) {
		this.backfillListener = Objects.requireNonNull(listener, "backfillListener must not be null");
		return this;
	}

	/** The registry of running instances that contracts consult. */
	public InstanceRegistry instances() {
		return this.instances;
	}

	/**
	 * Expands a column change, or finishes an interrupted expand of it.
	 * @param change the change
	 * @param version the version of the migration that expands it
	 * @return the change, expanded and backfilled
	 * @throws SQLException if a statement fails; run it again to finish
	 */
	public Expansion expand(ColumnChange change, MigrationVersion version) throws SQLException {
		this.connections.require(1, "expand " + change.id() + " (version " + version + ")");
		ExpansionRecord expansion;
		boolean backfillPhase;
		try (Connection connection = this.dataSource.getConnection()) {
			this.store.createIfMissing(connection);
			ExpansionRecord existing = this.store.find(connection, change.id());
			if (existing != null && existing.state() == ExpansionState.CONTRACTED) {
				return describe(existing);
			}
			if (existing != null && (existing.operation() != change.operation()
					|| !existing.oldColumn().equalsIgnoreCase(change.column()))) {
				throw new IllegalStateException("Cannot expand " + change + ": " + existing.id() + " is already expanded as "
						+ existing.operation() + " of " + existing.table() + "." + existing.oldColumn()
						+ "; undo that expand first, or choose another new column name");
			}
			expansion = (existing != null) ? existing : ExpansionResolver.resolve(connection, this.type, change, version);
			List<String> statements = new ArrayList<>();
			statements.addAll(this.ddl.addColumn(connection, expansion.table(), expansion.newColumn(), expansion.newType()));
			// A first expand backfills before new code can run: nothing else writes the new column meanwhile.
			backfillPhase = existing == null && !change.isBackfilledInBackground();
			statements.addAll(backfillPhase ? this.triggers.installForBackfill(connection, expansion, expansion.newColumn())
					: this.triggers.install(expansion));
			if (oldNotNullBlocksNewWriters(expansion)) {
				statements.add(this.ddl.dropNotNull(expansion.table(), expansion.oldColumn(), expansion.oldType()));
			}
			ExpansionRecord toInsert = (existing == null) ? expansion : null;
			// One transaction: on PostgreSQL the row, the column and the triggers appear together.
			DdlRunner.inTransaction(connection, () -> {
				if (toInsert != null) {
					this.store.insert(connection, toInsert);
				}
				this.ddlRunner.execute(connection, statements);
			});
		}
		if (change.isBackfilledInBackground()) {
			logger.info("Expanded {}: {}.{} synced with {}; the backfill runs in the background", expansion.id(),
					expansion.table(), expansion.oldColumn(), expansion.newColumn());
			return describe(expansion);
		}
		logger.info("Expanded {}: {}.{} synced with {}; backfilling", expansion.id(), expansion.table(),
				expansion.oldColumn(), expansion.newColumn());
		try {
			backfillNew(expansion);
			if (backfillPhase) {
				installAfterBackfill(expansion);
			}
			copyIndexes(expansion);
		}
		catch (SQLException ex) {
			BackfillProgress progress = null;
			try {
				progress = backfillProgress(expansion);
			}
			catch (SQLException unreadable) {
				ex.addSuppressed(unreadable);
			}
			throw ExpandInterruptedException.of(expansion, progress, ex);
		}
		return describe(expansion);
	}

	/**
	 * Contracts an expanded change, unless a live instance's code predates its expand.
	 * @param id the change's key, {@link ColumnChange#id()}
	 * @return contracted, or deferred with the instances it waits for (none when it waits
	 * for its backfill, which another thread or instance is running)
	 * @throws SQLException if a statement fails; run it again to finish
	 * @throws IllegalStateException if rows differ between the columns after the backfill
	 */
	public ContractResult contract(String id) throws SQLException {
		// Its last step holds the registry's lock and a work connection at once.
		this.connections.require(2, "contract " + id);
		ExpansionRecord expansion = require(id);
		if (expansion.state() == ExpansionState.CONTRACTED) {
			return new ContractResult(id, true, List.of());
		}
		ContractDecision decision = this.instances.decideContract(MigrationVersion.parse(expansion.expandVersion()),
				this.instanceStaleness);
		if (!decision.ready()) {
			try (Connection connection = this.dataSource.getConnection()) {
				this.store.updateState(connection, id, ExpansionState.EXPANDED, true);
			}
			logger.info("Contract of {} deferred: instances {} run code older than version {}", id,
					decision.waitingFor().stream().map(RegisteredInstance::instanceId).toList(), expansion.expandVersion());
			return new ContractResult(id, false, decision.waitingFor());
		}
		BackfillProgress backfill = backfillProgress(expansion);
		if (backfill != null && !backfill.done()
				&& backfill.updatedAt().isAfter(Instant.now().minus(this.instanceStaleness))) {
			// Another thread or instance is running it: wait, as for an instance, rather than walk the same rows.
			try (Connection connection = this.dataSource.getConnection()) {
				this.store.updateState(connection, id, ExpansionState.EXPANDED, true);
			}
			logger.info("Contract of {} deferred: its backfill is running ({} of about {} rows)", id, backfill.rowsDone(),
					backfill.estimatedTotal());
			return new ContractResult(id, false, List.of());
		}
		backfillNew(expansion);
		copyIndexes(expansion);
		long differing = count(expansion.newOutOfSync(this.type), expansion.table());
		if (differing > 0) {
			throw new IllegalStateException("Cannot contract " + id + ": " + differing + " rows of " + expansion.table()
					+ " have " + expansion.newColumn() + " different from " + expansion.toNew() + " although the backfill"
					+ " finished; something wrote the table with the sync triggers off. Run Backfill.forget(..., \""
					+ expansion.expandBackfillName() + "\") and expand again to refill it");
		}
		Backfill.forget(this.dataSource, this.type, this.schema, expansion.undoContractBackfillName());
		try (Connection connection = this.dataSource.getConnection()) {
			if (expansion.newNotNullAtContract()) {
				for (String statement : this.ddl.setNotNull(expansion.table(), expansion.newColumn(), expansion.newType(),
						expansion.triggerName() + "_nn")) {
					DdlRunner.inTransaction(connection, () -> this.ddlRunner.execute(connection, List.of(statement)));
				}
			}
		}
		// The backfill, the index copies and the count took a while, and an old instance may
		// have registered meanwhile (a switch back, a restarted pod): decide again, under the
		// lock that registration takes, so that it is either counted now or refused later.
		try (RunLock registry = this.instances.lock(); Connection connection = this.dataSource.getConnection()) {
			ContractDecision last = this.instances.decideContract(connection,
					MigrationVersion.parse(expansion.expandVersion()), this.instanceStaleness);
			if (!last.ready()) {
				DdlRunner.inTransaction(connection, () -> this.store.updateState(connection, id, ExpansionState.EXPANDED, true));
				logger.info("Contract of {} deferred at its last check before the drop: instances {} registered meanwhile"
						+ " with code older than version {}", id,
						last.waitingFor().stream().map(RegisteredInstance::instanceId).toList(), expansion.expandVersion());
				return new ContractResult(id, false, last.waitingFor());
			}
			List<String> statements = new ArrayList<>(this.triggers.drop(expansion));
			statements.addAll(dropIndexes(connection, expansion.table(), expansion.oldColumn()));
			// The copies take the names of the indexes just dropped, as a RENAME COLUMN would have kept them;
			// before the column goes, because H2 renames the indexes it generated for constraints as it drops one.
			for (CarriedIndex index : expansion.indexes()) {
				statements.addAll(this.indexDdl.rename(connection, expansion.table(), index.newName(), index.name(), true,
						index.kind()));
			}
			statements.addAll(this.ddl.dropColumn(connection, expansion.table(), expansion.oldColumn()));
			if (expansion.newDefault() != null) {
				statements.add(this.ddl.setDefault(expansion.table(), expansion.newColumn(), expansion.newDefault()));
			}
			DdlRunner.inTransaction(connection, () -> {
				this.ddlRunner.execute(connection, statements);
				this.store.updateState(connection, id, ExpansionState.CONTRACTED, false);
			});
		}
		logger.info("Contracted {}: dropped {}.{}", id, expansion.table(), expansion.oldColumn());
		return new ContractResult(id, true, List.of());
	}

	/**
	 * Runs, or resumes, the backfill of every expanded change that has not finished: those
	 * left to the background, and those a crash interrupted.
	 * @return the changes whose backfill ran
	 * @throws SQLException if a batch fails; run it again to resume
	 */
	public List<String> resumeBackfills() throws SQLException {
		List<String> resumed = new ArrayList<>();
		for (Expansion expansion : list()) {
			boolean unfinished = expansion.backfill() == null || !expansion.backfill().done();
			if (expansion.state() == ExpansionState.EXPANDED && unfinished) {
				ExpansionRecord record = require(expansion.id());
				backfillNew(record);
				copyIndexes(record);
				resumed.add(expansion.id());
			}
		}
		return resumed;
	}

	/**
	 * Retries every deferred contract, for a background task and for the next start.
	 * @return the result of each retried contract; empty if none was deferred
	 * @throws SQLException if a statement fails
	 */
	public List<ContractResult> retryDeferredContracts() throws SQLException {
		List<ExpansionRecord> all;
		try (Connection connection = this.dataSource.getConnection()) {
			all = this.store.exists(connection) ? this.store.all(connection) : List.of();
		}
		List<ContractResult> results = new ArrayList<>();
		for (ExpansionRecord expansion : all) {
			if (expansion.state() == ExpansionState.EXPANDED && expansion.contractRequested()) {
				results.add(contract(expansion.id()));
			}
		}
		return results;
	}

	/**
	 * Undoes an expand: drops the triggers and the new column. The old column keeps every
	 * value old code wrote, and the change is forgotten.
	 * @param id the change's key
	 * @throws SQLException if a statement fails; run it again to finish
	 * @throws IllegalStateException if the change is contracted (undo the contract first)
	 */
	public void undoExpand(String id) throws SQLException {
		ExpansionRecord expansion = require(id);
		if (expansion.state() == ExpansionState.CONTRACTED) {
			throw new IllegalStateException("Cannot undo the expand of " + id + ": it is contracted, so its old column"
					+ " is gone; call undoContract(\"" + id + "\") first");
		}
		try (Connection connection = this.dataSource.getConnection()) {
			List<String> statements = new ArrayList<>(this.triggers.drop(expansion));
			statements.addAll(dropIndexes(connection, expansion.table(), expansion.newColumn()));
			statements.addAll(this.ddl.dropColumn(connection, expansion.table(), expansion.newColumn()));
			DdlRunner.inTransaction(connection, () -> {
				this.ddlRunner.execute(connection, statements);
				this.store.delete(connection, id);
			});
			if (oldNotNullBlocksNewWriters(expansion)) {
				for (String statement : this.ddl.setNotNull(expansion.table(), expansion.oldColumn(), expansion.oldType(),
						expansion.triggerName() + "_nn")) {
					DdlRunner.inTransaction(connection, () -> this.ddlRunner.execute(connection, List.of(statement)));
				}
			}
		}
		Backfill.forget(this.dataSource, this.type, this.schema, expansion.expandBackfillName());
		Backfill.forget(this.dataSource, this.type, this.schema, expansion.undoContractBackfillName());
		logger.info("Undid the expand of {}: dropped {}.{}", id, expansion.table(), expansion.newColumn());
	}

	/**
	 * Withdraws a contract that is still deferred, so that no background retry runs it; a
	 * change already contracted is undone instead.
	 * @param id the change's key
	 * @throws SQLException if a statement fails
	 */
	public void withdrawContract(String id) throws SQLException {
		ExpansionRecord expansion = require(id);
		if (expansion.state() == ExpansionState.CONTRACTED) {
			undoContract(id);
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			DdlRunner.inTransaction(connection, () -> this.store.updateState(connection, id, ExpansionState.EXPANDED, false));
		}
		logger.info("Withdrew the deferred contract of {}", id);
	}

	/**
	 * Undoes a contract: adds the old column back with its default, syncs it from the new
	 * one, rebuilds its indexes and restores its NOT NULL. The old column comes back last in
	 * the column order.
	 * @param id the change's key
	 * @throws SQLException if a statement fails; run it again to finish
	 * @throws IllegalStateException if the change is not contracted
	 */
	public void undoContract(String id) throws SQLException {
		ExpansionRecord expansion = require(id);
		if (expansion.state() != ExpansionState.CONTRACTED) {
			throw new IllegalStateException("Cannot undo the contract of " + id + ": it is " + expansion.state()
					+ ", not contracted");
		}
		try (Connection connection = this.dataSource.getConnection()) {
			List<String> statements = new ArrayList<>();
			// The copies give the old names back to the indexes rebuilt after the backfill.
			for (CarriedIndex index : expansion.indexes()) {
				statements.addAll(this.indexDdl.rename(connection, expansion.table(), index.name(), index.newName(), false,
						index.kind()));
			}
			if (expansion.newNotNullAtContract()) {
				statements.add(this.ddl.dropNotNull(expansion.table(), expansion.newColumn(), expansion.newType()));
			}
			if (expansion.newDefault() != null) {
				statements.add(this.ddl.dropDefault(expansion.table(), expansion.newColumn()));
			}
			statements.addAll(this.ddl.addColumn(connection, expansion.table(), expansion.oldColumn(), expansion.oldType()));
			if (expansion.oldDefault() != null) {
				// Only rows inserted from now on take it; the backfill fills the others.
				statements.add(this.ddl.setDefault(expansion.table(), expansion.oldColumn(), expansion.oldDefault()));
			}
			// Old code runs again only once this returns: nothing else writes the old column meanwhile.
			statements.addAll(this.triggers.installForBackfill(connection, expansion, expansion.oldColumn()));
			DdlRunner.inTransaction(connection, () -> this.ddlRunner.execute(connection, statements));
		}
		backfill(expansion.undoContractBackfillName(), expansion.table(), expansion.oldColumn(), expansion.toOld(),
				expansion.oldOutOfSync(this.type));
		installAfterBackfill(expansion);
		for (CarriedIndex index : expansion.indexes()) {
			buildIndex(expansion, index.name(), index.kind(), index.columns());
		}
		try (Connection connection = this.dataSource.getConnection()) {
			if (expansion.oldNotNull() && !oldNotNullBlocksNewWriters(expansion)) {
				for (String statement : this.ddl.setNotNull(expansion.table(), expansion.oldColumn(), expansion.oldType(),
						expansion.triggerName() + "_nn")) {
					DdlRunner.inTransaction(connection, () -> this.ddlRunner.execute(connection, List.of(statement)));
				}
			}
			// Not requested: a background retry must not contract again what was just undone.
			DdlRunner.inTransaction(connection, () -> this.store.updateState(connection, id, ExpansionState.EXPANDED, false));
		}
		logger.info("Undid the contract of {}: {}.{} is back and synced", id, expansion.table(), expansion.oldColumn());
	}

	/**
	 * Every column change in flight or done, with its backfill's progress.
	 * @return the changes, oldest first
	 * @throws SQLException if the tables cannot be read
	 */
	public List<Expansion> list() throws SQLException {
		List<ExpansionRecord> all;
		try (Connection connection = this.dataSource.getConnection()) {
			// A read: no table yet is no expansion, and creates nothing.
			if (!this.store.exists(connection)) {
				return List.of();
			}
			all = this.store.all(connection);
		}
		Map<String, BackfillProgress> backfills = Backfill.progress(this.dataSource, this.type, this.schema)
			.stream()
			.collect(Collectors.toMap(BackfillProgress::name, Function.identity()));
		List<Expansion> expansions = new ArrayList<>();
		for (ExpansionRecord expansion : all) {
			expansions.add(describe(expansion, backfills.get(expansion.expandBackfillName())));
		}
		return expansions;
	}

	/**
	 * H2 checks NOT NULL before BEFORE triggers run, so a NOT NULL old column would refuse
	 * new code's inserts that leave it to the sync trigger: there it is relaxed while both
	 * columns live, and restored by undoing the expand.
	 */
	private boolean oldNotNullBlocksNewWriters(ExpansionRecord expansion) {
		return this.type == DatabaseType.H2 && expansion.oldNotNull();
	}

	/** Replaces the triggers of a finished inline backfill by the usual ones, now that any code may run. */
	private void installAfterBackfill(ExpansionRecord expansion) throws SQLException {
		List<String> statements = this.triggers.installAfterBackfill(expansion);
		if (statements.isEmpty()) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			DdlRunner.inTransaction(connection, () -> this.ddlRunner.execute(connection, statements));
		}
	}

	/** Builds on the new column the copies of the old column's indexes that it lacks. */
	private void copyIndexes(ExpansionRecord expansion) throws SQLException {
		for (CarriedIndex index : expansion.indexes()) {
			buildIndex(expansion, index.newName(), index.kind(),
					index.columnsWith(expansion.oldColumn(), expansion.newColumn()));
		}
	}

	private void buildIndex(ExpansionRecord expansion, String name, CarriedIndex.Kind kind, List<String> columns)
			throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			// PostgreSQL builds concurrently, which a transaction refuses.
			connection.setAutoCommit(true);
			this.indexDdl.create(connection, this.ddlRunner, expansion.table(), name, kind, columns);
		}
		catch (SQLException ex) {
			throw new SQLException("Could not build index " + name + " on " + expansion.table() + " " + columns + " for "
					+ expansion.id() + ": " + CredentialMask.mask(ex.getMessage()) + ((kind == CarriedIndex.Kind.INDEX) ? ""
							: ". If its values are not unique, make them so and run this step again"),
					ex.getSQLState(), ex.getErrorCode(), CredentialMask.masked(ex));
		}
	}

	/**
	 * Statements that drop the indexes and unique constraints involving a column, but not a
	 * primary key, to run before the column is dropped. Dropping the column is not enough:
	 * H2 refuses it while an index of several columns holds it, MariaDB refuses it for a
	 * unique one and narrows any other to the remaining columns. PostgreSQL would drop them;
	 * dropping them first frees their names for the copies on every database.
	 */
	private List<String> dropIndexes(Connection connection, String table, String column) throws SQLException {
		if (new ColumnCatalog(connection, this.type).findColumn(table, column) == null) {
			return List.of();
		}
		return new IndexCatalog(connection, this.type).involving(table, column)
			.stream()
			.filter((index) -> !index.primaryKey())
			.map((index) -> this.indexDdl.drop(table, index.name(), index.kind()))
			.toList();
	}

	private void backfillNew(ExpansionRecord expansion) throws SQLException {
		backfill(expansion.expandBackfillName(), expansion.table(), expansion.newColumn(), expansion.toNew(),
				expansion.newOutOfSync(this.type));
	}

	/** Fills one column from the other, only where they differ, without firing the triggers' copy. */
	private void backfill(String name, String table, String column, String expression, String outOfSync)
			throws SQLException {
		int workers = this.connections.workers(this.backfillWorkers, "backfill " + name);
		Backfill.of(this.dataSource, this.type, table)
			.stateSchema(this.schema)
			.named(name)
			.set(column, expression)
			.where(outOfSync)
			.bypassSyncTriggers()
			.targetBatchDuration(this.targetBatchDuration)
			.workers(workers)
			.pauseBetweenBatches(this.targetBatchDuration.dividedBy(3))
			.listener(this.backfillListener)
			.run();
	}

	private long count(String condition, String table) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT COUNT(*) FROM " + this.type.quote(table) + " WHERE " + condition)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private ExpansionRecord require(String id) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			ExpansionRecord expansion = this.store.exists(connection) ? this.store.find(connection, id) : null;
			if (expansion == null) {
				throw new IllegalStateException("No column change '" + id + "' in " + ExpansionStore.TABLE
						+ ": expand it first (ids are table.new_column in lower case)");
			}
			return expansion;
		}
	}

	private Expansion describe(ExpansionRecord expansion) throws SQLException {
		return describe(expansion, backfillProgress(expansion));
	}

	private @Nullable BackfillProgress backfillProgress(ExpansionRecord expansion) throws SQLException {
		return Backfill.progress(this.dataSource, this.type, this.schema)
			.stream()
			.filter((progress) -> progress.name().equals(expansion.expandBackfillName()))
			.findFirst()
			.orElse(null);
	}

	private Expansion describe(ExpansionRecord expansion, @Nullable BackfillProgress backfill) throws SQLException {
		MigrationVersion version = MigrationVersion.parse(expansion.expandVersion());
		boolean deferred = expansion.state() == ExpansionState.EXPANDED && expansion.contractRequested();
		List<RegisteredInstance> waitingFor = deferred
				? this.instances.decideContract(version, this.instanceStaleness).waitingFor() : List.of();
		return new Expansion(expansion.id(), expansion.operation(), expansion.table(), expansion.oldColumn(),
				expansion.newColumn(), version, expansion.state(), backfill, deferred, waitingFor);
	}

}
