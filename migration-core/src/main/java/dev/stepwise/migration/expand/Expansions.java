package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StatementExecutor;
import dev.stepwise.migration.backfill.BackfillListener;
import org.jspecify.annotations.Nullable;

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
 * before use; an instance is not meant to be reconfigured while it runs. Each phase is a
 * class of its own ({@link ExpandPhase}, {@link ContractPhase}, {@link UndoExpandPhase},
 * {@link UndoContractPhase}, and {@link IndexCarryOver} for the indexes); this one is
 * the entry point the engine calls.
 */
public final class Expansions {

	private final ExpansionContext context;

	/**
	 * Expansions with their state tables in the connection's schema.
	 * @param dataSource the database; backfill batches take connections of their own
	 * @param type the database type
	 * @param settings the engine's settings for expands and contracts
	 */
	public Expansions(DataSource dataSource, DatabaseType type, ExpansionSettings settings) {
		this(dataSource, type, null, settings);
	}

	/**
	 * @param dataSource the database; backfill batches take connections of their own
	 * @param type the database type
	 * @param schema the schema of Stepwise's state tables ({@code stepwise.schema}),
	 * {@code null} for the connection's
	 * @param settings the engine's settings for expands and contracts
	 */
	public Expansions(DataSource dataSource, DatabaseType type, @Nullable String schema, ExpansionSettings settings) {
		this.context = new ExpansionContext(Objects.requireNonNull(dataSource, "dataSource must not be null"),
				Objects.requireNonNull(type, "type must not be null"), schema,
				Objects.requireNonNull(settings, "settings must not be null"));
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
		this.context.connections = new ConnectionBudget(PoolSize.of(this.context.dataSource), connections, holders);
		return this;
	}

	/** The schema of the state tables, {@code null} for the connection's. */
	public @Nullable String stateSchema() {
		return this.context.schema;
	}

	/**
	 * How each statement runs (default: {@link StatementExecutor#PLAIN}); the engine passes
	 * one with its lock timeout and retries.
	 * @param executor the executor
	 * @return this
	 */
	public Expansions statementExecutor(StatementExecutor executor) {
		this.context.executor = Objects.requireNonNull(executor, "statementExecutor must not be null");
		return this;
	}

	/**
	 * The target duration of one backfill batch (default 25 ms); each worker pauses a third
	 * of it after each batch.
	 * @param duration the target
	 * @return this
	 */
	public Expansions targetBatchDuration(Duration duration) {
		this.context.targetBatchDuration = Objects.requireNonNull(duration, "targetBatchDuration must not be null");
		return this;
	}

	/**
	 * Told after each backfill batch, for metrics.
	 * @param listener the listener
	 * @return this
	 */
	public Expansions backfillListener(BackfillListener listener) {
		this.context.backfillListener = Objects.requireNonNull(listener, "backfillListener must not be null");
		return this;
	}

	/** The registry of running instances that contracts consult. */
	public InstanceRegistry instances() {
		return this.context.instances;
	}

	/**
	 * Expands a column change, or finishes an interrupted expand of it.
	 * @param change the change
	 * @param version the version of the migration that expands it
	 * @return the change, expanded and backfilled
	 * @throws SQLException if a statement fails; run it again to finish
	 */
	public Expansion expand(ColumnChange change, MigrationVersion version) throws SQLException {
		return new ExpandPhase(this.context).run(change, version);
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
		return new ContractPhase(this.context).run(id);
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
				ExpansionRecord record = this.context.require(expansion.id());
				this.context.backfillNew(record);
				this.context.indexes.copyToNew(record);
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
		try (Connection connection = this.context.dataSource.getConnection()) {
			all = this.context.store.exists(connection) ? this.context.store.all(connection) : List.of();
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
		new UndoExpandPhase(this.context).run(id);
	}

	/**
	 * Withdraws a contract that is still deferred, so that no background retry runs it; a
	 * change already contracted is undone instead.
	 * @param id the change's key
	 * @throws SQLException if a statement fails
	 */
	public void withdrawContract(String id) throws SQLException {
		new UndoContractPhase(this.context).withdraw(id);
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
		new UndoContractPhase(this.context).run(id);
	}

	/**
	 * Every column change in flight or done, with its backfill's progress.
	 * @return the changes, oldest first
	 * @throws SQLException if the tables cannot be read
	 */
	public List<Expansion> list() throws SQLException {
		List<ExpansionRecord> all;
		try (Connection connection = this.context.dataSource.getConnection()) {
			// A read: no table yet is no expansion, and creates nothing.
			if (!this.context.store.exists(connection)) {
				return List.of();
			}
			all = this.context.store.all(connection);
		}
		Map<String, BackfillProgress> backfills = this.context.backfills()
			.stream()
			.collect(Collectors.toMap(BackfillProgress::name, Function.identity()));
		List<Expansion> expansions = new ArrayList<>();
		for (ExpansionRecord expansion : all) {
			expansions.add(this.context.describe(expansion, backfills.get(expansion.expandBackfillName())));
		}
		return expansions;
	}

}
