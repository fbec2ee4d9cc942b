package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;
import dev.stepwise.migration.backfill.Backfill;
import dev.stepwise.migration.backfill.BackfillListener;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.dialect.StateTables;
import dev.stepwise.migration.internal.jdbc.Transactions;
import org.jspecify.annotations.Nullable;

/**
 * What every phase of a column change works with: the database, the state table, the DDL
 * of columns, triggers and indexes, the engine's settings, and the steps that several
 * phases share (a backfill, a NOT NULL set statement by statement, the description of a
 * change). The fluent settings of {@link Expansions} write into it before a phase runs.
 */
final class ExpansionContext {

	final DataSource dataSource;

	final DatabaseType type;

	final Dialect dialect;

	final @Nullable String schema;

	final ExpansionSettings settings;

	final ExpansionStore store;

	final SyncTriggers triggers;

	final ColumnDdl ddl;

	final IndexCarryOver indexes;

	final InstanceRegistry instances;

	StatementExecutor executor = StatementExecutor.PLAIN;

	// Shorter than a plain backfill's: two releases write this table meanwhile, and a writer
	// that meets a row of the running batch waits for that batch to commit. Each worker rests
	// a third of it after each batch, so that two workers keep about one and a half
	// connections busy and the application's own statements still find the database free:
	// on two cores under four writers that held their p99 latency near 7 ms instead of 9 ms.
	Duration targetBatchDuration = Duration.ofMillis(25);

	BackfillListener backfillListener = (progress) -> {
	};

	ConnectionBudget connections = ConnectionBudget.UNKNOWN;

	ExpansionContext(DataSource dataSource, DatabaseType type, @Nullable String schema, ExpansionSettings settings) {
		this.dataSource = dataSource;
		this.type = type;
		this.dialect = Dialect.of(type);
		this.schema = schema;
		this.settings = settings;
		this.store = new ExpansionStore(new StateTables(this.dialect, schema));
		this.triggers = SyncTriggers.of(type);
		this.ddl = ColumnDdl.of(type);
		this.indexes = new IndexCarryOver(this);
		this.instances = new InstanceRegistry(dataSource, type, schema).lockWait(settings.lockWait());
	}

	/** Runs the statements in one transaction (on PostgreSQL they then appear together). */
	void execute(Connection connection, List<String> statements) throws SQLException {
		Transactions.run(connection, () -> executeEach(connection, statements));
	}

	/** Runs the statements through the executor, in the caller's transaction. */
	void executeEach(Connection connection, List<String> statements) throws SQLException {
		for (String statement : statements) {
			this.executor.execute(connection, new SchemaStatement(statement, true));
		}
	}

	/**
	 * Gives a column its NOT NULL one statement, and one transaction, at a time: where the
	 * database validates a constraint first and then sets it, the second must see the first.
	 */
	void setNotNull(Connection connection, ExpansionRecord expansion, String column, String columnType)
			throws SQLException {
		for (String statement : this.ddl.setNotNull(expansion.table(), column, columnType,
				expansion.triggerName() + "_nn")) {
			execute(connection, List.of(statement));
		}
	}

	/**
	 * Where NOT NULL is checked before BEFORE triggers run (H2), a NOT NULL old column would
	 * refuse new code's inserts that leave it to the sync trigger: there it is relaxed while
	 * both columns live, and restored by undoing the expand.
	 */
	boolean oldNotNullBlocksNewWriters(ExpansionRecord expansion) {
		return this.dialect.checksNotNullBeforeTriggers() && expansion.oldNotNull();
	}

	/** Replaces the triggers of a finished inline backfill by the usual ones, now that any code may run. */
	void installAfterBackfill(ExpansionRecord expansion) throws SQLException {
		List<String> statements = this.triggers.installAfterBackfill(expansion);
		if (statements.isEmpty()) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			execute(connection, statements);
		}
	}

	void backfillNew(ExpansionRecord expansion) throws SQLException {
		backfill(expansion.expandBackfillName(), expansion.table(), expansion.newColumn(), expansion.toNew(),
				expansion.newOutOfSync(this.type));
	}

	/** Fills one column from the other, only where they differ, without firing the triggers' copy. */
	void backfill(String name, String table, String column, String expression, String outOfSync)
			throws SQLException {
		int workers = this.connections.workers(this.settings.backfillWorkers(), "backfill " + name);
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

	void forgetBackfill(String name) throws SQLException {
		Backfill.forget(this.dataSource, this.type, this.schema, name);
	}

	long count(String condition, String table) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT COUNT(*) FROM " + this.type.quote(table) + " WHERE " + condition)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Records whether a contract waits to run again, outside a phase's own transaction. */
	void markExpanded(String id, boolean contractRequested) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			this.store.updateState(connection, id, ExpansionState.EXPANDED, contractRequested);
		}
	}

	ExpansionRecord require(String id) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			ExpansionRecord expansion = this.store.exists(connection) ? this.store.find(connection, id) : null;
			if (expansion == null) {
				throw new IllegalStateException("No column change '" + id + "' in " + ExpansionStore.TABLE
						+ ": expand it first (ids are table.new_column in lower case)");
			}
			return expansion;
		}
	}

	List<BackfillProgress> backfills() throws SQLException {
		return Backfill.progress(this.dataSource, this.type, this.schema);
	}

	@Nullable BackfillProgress backfillProgress(ExpansionRecord expansion) throws SQLException {
		return backfills().stream()
			.filter((progress) -> progress.name().equals(expansion.expandBackfillName()))
			.findFirst()
			.orElse(null);
	}

	Expansion describe(ExpansionRecord expansion) throws SQLException {
		return describe(expansion, backfillProgress(expansion));
	}

	Expansion describe(ExpansionRecord expansion, @Nullable BackfillProgress backfill) throws SQLException {
		MigrationVersion version = MigrationVersion.parse(expansion.expandVersion());
		boolean deferred = expansion.state() == ExpansionState.EXPANDED && expansion.contractRequested();
		List<RegisteredInstance> waitingFor = deferred
				? this.instances.decideContract(version, this.settings.instanceStaleness()).waitingFor() : List.of();
		return new Expansion(expansion.id(), expansion.operation(), expansion.table(), expansion.oldColumn(),
				expansion.newColumn(), version, expansion.state(), backfill, deferred, waitingFor);
	}

}
