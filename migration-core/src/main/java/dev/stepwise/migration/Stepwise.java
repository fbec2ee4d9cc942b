package dev.stepwise.migration;

import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.LockTimeoutException;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.PlannedMigration;
import dev.stepwise.migration.api.RepairRequest;
import dev.stepwise.migration.api.RepairResult;
import dev.stepwise.migration.api.RollbackRequest;
import dev.stepwise.migration.api.RollbackResult;
import dev.stepwise.migration.api.RunEvent;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.api.StepwiseInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.backfill.Backfill;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.execute.Callbacks;
import dev.stepwise.migration.internal.execute.Listeners;
import dev.stepwise.migration.internal.execute.MigrationExecutor;
import dev.stepwise.migration.internal.execute.ScriptPlaceholders;
import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.expand.ExpansionTables;
import dev.stepwise.migration.expand.Expansions;
import dev.stepwise.migration.expand.InstanceRegistry;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.info.MigrationEntry;
import dev.stepwise.migration.internal.info.MigrationStates;
import dev.stepwise.migration.internal.info.MigrationValidator;
import dev.stepwise.migration.internal.lock.RunLock;
import dev.stepwise.migration.internal.resolve.MigrationResolver;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import dev.stepwise.migration.internal.resolve.SqlCallback;
import dev.stepwise.migration.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: migrates, rolls back, validates and reports. Thread-safe; every call reads
 * the history once, and every call that changes the database holds the run's lock.
 *
 * <pre>
 * Stepwise stepwise = Stepwise.configure()
 *         .dataSource(dataSource)
 *         .locations("classpath:db/migration")
 *         .load();
 * stepwise.migrate();
 * </pre>
 */
public final class Stepwise {

	private static final Logger logger = LoggerFactory.getLogger(Stepwise.class);

	private static final String BASELINE_DESCRIPTION = "<< Stepwise Baseline >>";

	private final StepwiseConfiguration configuration;

	private final Listeners listeners;

	private final FlywayHistoryAdopter adopter;

	// Learned from the first session: neither changes while the engine lives.
	private volatile Session.@Nullable Target target;

	// Class-path sources cannot change while the engine lives either, so info() (health
	// checks, metric scrapes) need not read them again; filesystem ones can, and are read each time.
	private volatile @Nullable List<ResolvedMigration> classPathSources;

	private volatile @Nullable List<SqlCallback> classPathCallbacks;

	Stepwise(StepwiseConfiguration configuration) {
		this.configuration = configuration;
		this.listeners = new Listeners(configuration.listeners());
		this.adopter = new FlywayHistoryAdopter(configuration);
	}

	/** Starts a configuration; {@code load()} on it gives the engine. */
	public static StepwiseConfiguration.Builder configure() {
		return new StepwiseConfiguration.Builder();
	}

	/** What this engine runs with. */
	public StepwiseConfiguration configuration() {
		return this.configuration;
	}

	/** Applies every pending migration; a rolled back migration stays rolled back. */
	public MigrateResult migrate() {
		return migrate(MigrateOptions.defaults());
	}

	/**
	 * Applies pending migrations, or plans them for a dry run.
	 * <ol>
	 * <li>resolve the sources and read the history, without the lock;</li>
	 * <li>validate; if nothing is pending, stop here: a started-up application pays one
	 * query;</li>
	 * <li>otherwise take the lock, read the history again (another instance may have
	 * migrated meanwhile), validate again, and apply what is still pending, each migration
	 * in its own transaction.</li>
	 * </ol>
	 */
	public MigrateResult migrate(MigrateOptions options) {
		long start = System.nanoTime();
		try (Session session = openSession()) {
			List<ResolvedMigration> resolved = resolve(session);
			List<AppliedMigration> rows = session.history().readIfExists(session.connection());
			List<AppliedMigration> adoptable = this.adopter.preview(session, rows);
			MigrationStates states = states(resolved, history(rows, adoptable));
			// A FAILED row may be the start record of a migration another instance runs right
			// now: only the check under the lock, after that run, can tell. An adoption checks
			// the history itself, under the lock, with messages that name Flyway's fixes.
			boolean failedRecorded = !states.inState(MigrationState.FAILED).isEmpty();
			if ((!failedRecorded && adoptable == null) || options.dryRun()) {
				validateIfConfigured(session, states);
			}
			List<MigrationEntry> pending = pending(states, options);
			boolean baselineNeeded = (rows == null && this.configuration.baselineOnMigrate()) || adoptable != null;
			if (rows == null && !pending.isEmpty() && !baselineNeeded) {
				UnknownSchema.refuseIfNotEmpty(session);
			}
			Callbacks callbacks = callbacks(session);
			// SQL callbacks of the whole run write, as migrations do: they run under the lock.
			boolean callbacksDue = callbacks.has(RunEvent.BEFORE_MIGRATE) || callbacks.has(RunEvent.AFTER_MIGRATE);
			if (options.dryRun() || (pending.isEmpty() && !baselineNeeded && !failedRecorded && !callbacksDue)) {
				List<PlannedMigration> plan = planApply(session, executor(session), pending);
				EmptyMigrations.check(plan, "applied", this.configuration.failOnEmptyMigrations());
				if (!options.dryRun()) {
					callbacks.fire(RunEvent.BEFORE_MIGRATE, session.connection());
					callbacks.fire(RunEvent.AFTER_MIGRATE, session.connection());
				}
				return new MigrateResult(options.dryRun(), plan, List.of(), states.currentVersion(),
						targetVersion(states.currentVersion(), plan), elapsed(start));
			}
			try (RunLock lock = lock(session)) {
				MigrateResult result;
				try {
					result = applyPending(session, resolved, options, start, lock, callbacks);
				}
				catch (RuntimeException ex) {
					fireAfterFailure(callbacks, RunEvent.AFTER_MIGRATE_ERROR, session, ex);
					throw ex;
				}
				callbacks.fire(RunEvent.AFTER_MIGRATE, session.connection());
				return result;
			}
		}
		catch (SQLException ex) {
			throw databaseFailure("migrate", ex);
		}
	}

	/** Under the lock: reads the history again, since another instance may have migrated. */
	private MigrateResult applyPending(Session session, List<ResolvedMigration> resolved, MigrateOptions options,
			long start, RunLock lock, Callbacks callbacks) throws SQLException {
		List<AppliedMigration> rows = historyAdoptingFlyway(session, resolved, lock);
		if (rows == null) {
			rows = createHistory(session);
		}
		else {
			session.history().ensureFence(session.connection());
		}
		// As in Flyway, the whole-run callback comes after the history exists: a callback that
		// creates a table must not make a new schema look like one that others built.
		callbacks.fire(RunEvent.BEFORE_MIGRATE, session.connection());
		MigrationStates states = states(resolved, rows);
		validateIfConfigured(session, states);
		List<MigrationEntry> pending = pending(states, options);
		MigrationExecutor executor = executor(session).guardedBy(lock::lostBecause);
		List<PlannedMigration> plan = planApply(session, executor, pending);
		EmptyMigrations.check(plan, "applied", this.configuration.failOnEmptyMigrations());
		session.limitLockWaits(this.configuration);
		List<ExecutedMigration> applied = new ArrayList<>();
		int rank = nextRank(rows);
		if (this.configuration.group()) {
			applied.addAll(MigrationGroup.apply(session.connection(), session.dialect(), executor, callbacks, pending,
					plan, rank));
		}
		else {
			for (MigrationEntry entry : pending) {
				callbacks.fire(RunEvent.BEFORE_EACH_MIGRATE, session.connection());
				try {
					applied.add(executor.apply(session.connection(), Objects.requireNonNull(entry.resolved()), rank++));
				}
				catch (RuntimeException ex) {
					fireAfterFailure(callbacks, RunEvent.AFTER_EACH_MIGRATE_ERROR, session, ex);
					throw ex;
				}
				callbacks.fire(RunEvent.AFTER_EACH_MIGRATE, session.connection());
			}
		}
		MigrationVersion after = targetVersion(states.currentVersion(), plan);
		log(applied, "Applied", after);
		return new MigrateResult(false, plan, applied, states.currentVersion(), after, elapsed(start));
	}

	/** Every migration with its state, and the current version. */
	public StepwiseInfo info() {
		try (Session session = openSession()) {
			return states(resolve(session), historyOrAdoptable(session, null)).toInfo(expansionsOf(session));
		}
		catch (SQLException ex) {
			throw databaseFailure("read the history", ex);
		}
	}

	/**
	 * Checks the sources against the history.
	 * @throws MigrationValidationException naming every problem and its fix
	 */
	public void validate() {
		try (Session session = openSession()) {
			List<ResolvedMigration> resolved = resolve(session);
			Callbacks callbacks = callbacks(session);
			callbacks.fire(RunEvent.BEFORE_VALIDATE, session.connection());
			try {
				validate(session, states(resolved, historyOrAdoptable(session, resolved)));
			}
			catch (RuntimeException ex) {
				fireAfterFailure(callbacks, RunEvent.AFTER_VALIDATE_ERROR, session, ex);
				throw ex;
			}
			callbacks.fire(RunEvent.AFTER_VALIDATE, session.connection());
		}
		catch (SQLException ex) {
			throw databaseFailure("validate", ex);
		}
	}

	/** Undoes every applied migration above {@code version}; {@code "0"} undoes everything. */
	public RollbackResult rollbackTo(String version) {
		return rollback(RollbackRequest.toVersion(version));
	}

	/** Undoes the {@code count} most recent applied migrations. */
	public RollbackResult rollbackLast(int count) {
		return rollback(RollbackRequest.last(count));
	}

	/**
	 * Undoes what the request names, newest first, each in its own transaction with the
	 * mark on its history row; or plans it, for a dry run. Refuses before anything runs
	 * when a migration in the way has no undo.
	 */
	public RollbackResult rollback(RollbackRequest request) {
		long start = System.nanoTime();
		try (Session session = openSession()) {
			List<ResolvedMigration> resolved = resolve(session);
			// A dry run only reads, so it takes no lock (a null resource is skipped).
			try (RunLock lock = request.dryRun() ? null : lock(session)) {
				List<AppliedMigration> rows = request.dryRun() ? historyOrAdoptable(session, null)
						: historyAdoptingFlyway(session, resolved, Objects.requireNonNull(lock));
				MigrationStates states = states(resolved, (rows != null) ? rows : List.of());
				List<MigrationEntry> selected = RollbackSelection.select(states, request);
				MigrationExecutor executor = executor(session);
				List<PlannedMigration> plan = planRollback(session, executor, selected);
				EmptyMigrations.check(plan, "rolled back", this.configuration.failOnEmptyMigrations());
				MigrationVersion after = versionAfterRollback(states, selected);
				if (request.dryRun()) {
					return new RollbackResult(true, plan, List.of(), states.currentVersion(), after, elapsed(start));
				}
				session.limitLockWaits(this.configuration);
				executor.guardedBy(Objects.requireNonNull(lock)::lostBecause);
				Callbacks callbacks = callbacks(session);
				callbacks.fire(RunEvent.BEFORE_UNDO, session.connection());
				List<ExecutedMigration> undone = new ArrayList<>();
				try {
					for (MigrationEntry entry : selected) {
						callbacks.fire(RunEvent.BEFORE_EACH_UNDO, session.connection());
						try {
							undone.add(executor.rollback(session.connection(), Objects.requireNonNull(entry.resolved()),
									Objects.requireNonNull(entry.applied())));
						}
						catch (RuntimeException ex) {
							fireAfterFailure(callbacks, RunEvent.AFTER_EACH_UNDO_ERROR, session, ex);
							throw ex;
						}
						callbacks.fire(RunEvent.AFTER_EACH_UNDO, session.connection());
					}
				}
				catch (RuntimeException ex) {
					fireAfterFailure(callbacks, RunEvent.AFTER_UNDO_ERROR, session, ex);
					throw ex;
				}
				callbacks.fire(RunEvent.AFTER_UNDO, session.connection());
				log(undone, "Rolled back", after);
				return new RollbackResult(false, plan, undone, states.currentVersion(), after, elapsed(start));
			}
		}
		catch (SQLException ex) {
			throw databaseFailure("roll back", ex);
		}
	}

	/**
	 * Records {@code version} as the baseline of a database that already has a schema:
	 * migrations up to it count as applied, and only later ones run.
	 * @throws StepwiseException if the history table already has rows
	 */
	public void baseline(String version) {
		MigrationVersion baseline = MigrationVersion.parse(version);
		try (Session session = openSession(); RunLock lock = lock(session)) {
			session.history().createIfAbsent(session.connection());
			if (!session.readHistory().isEmpty()) {
				throw new StepwiseException("Cannot baseline " + session.history().name()
						+ ": it already has a history. A baseline only adopts a database that Stepwise has not"
						+ " migrated yet.");
			}
			writeBaseline(session, baseline);
		}
		catch (SQLException ex) {
			throw databaseFailure("baseline", ex);
		}
	}

	/**
	 * Removes the records of failed migrations (after the database was put right by hand)
	 * and accepts the current checksums of applied scripts. A migration whose rollback
	 * failed halfway stays as it is: {@link #repair(RepairRequest)} marks it.
	 * @return what changed, and what needs a person's decision
	 */
	public RepairResult repair() {
		return repair(RepairRequest.defaults());
	}

	/**
	 * Repairs the history as the request says, or, for a dry run, lists what would change.
	 * Marking a failed rollback rolled back or applied is a person's statement about the
	 * schema, made after they put it right by hand: Stepwise cannot check it.
	 * @throws IllegalArgumentException if the request marks a version whose rollback did not
	 * fail, before anything changes
	 */
	public RepairResult repair(RepairRequest request) {
		try (Session session = openSession()) {
			List<ResolvedMigration> resolved = resolve(session);
			if (request.dryRun()) {
				List<AppliedMigration> rows = session.readHistory();
				return RepairPlan.of(states(resolved, rows), rows, request).result(true);
			}
			try (RunLock lock = lock(session)) {
				List<AppliedMigration> rows = session.readHistory();
				RepairPlan plan = RepairPlan.of(states(resolved, rows), rows, request);
				plan.apply(session.history(), session.connection(), session.user());
				RepairResult result = plan.result(false);
				result.actions().forEach((action) -> logger.info("Repaired {}: {} ({})", session.history().name(),
						action.detail(), action.script()));
				result.unresolved().forEach((problem) -> logger.warn("Not repaired: {}", problem));
				this.listeners.tell((listener) -> listener.afterRepair(result));
				return result;
			}
		}
		catch (SQLException ex) {
			throw databaseFailure("repair", ex);
		}
	}

	/**
	 * The highest version among this application's migrations: what its code expects, as
	 * the instance registry records it.
	 */
	public @Nullable MigrationVersion codeVersion() {
		return resolve(target().dialect().type()).stream()
			.map(ResolvedMigration::version)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	/**
	 * Every column change expanded by a migration, in flight or contracted, with its
	 * backfill's progress and, for a deferred contract, the instances it waits for.
	 */
	public List<Expansion> expansions() {
		try (Session session = openSession()) {
			return expansionsOf(session);
		}
		catch (SQLException ex) {
			throw databaseFailure("read the expansions", ex);
		}
	}

	/** Every backfill with its progress. */
	public List<BackfillProgress> backfills() {
		try (Session session = openSession()) {
			return Backfill.progress(this.configuration.dataSource(), session.dialect().type(), session.history().schema());
		}
		catch (SQLException ex) {
			throw databaseFailure("read the backfills", ex);
		}
	}

	/**
	 * Contracts an expanded column change now, under the run's lock; deferred while a live
	 * instance still runs code older than the expand.
	 * @param changeId the change's id, {@code table.new_column}
	 */
	public ContractResult contract(String changeId) {
		try (Session session = openSession(); RunLock lock = lock(session)) {
			return expansions(session).contract(changeId);
		}
		catch (SQLException ex) {
			throw databaseFailure("contract " + changeId, ex);
		}
	}

	/**
	 * Retries every deferred contract under the run's lock: what the starter calls in the
	 * background and at start-up.
	 * @return each retried contract, contracted or still deferred
	 */
	public List<ContractResult> retryDeferredContracts() {
		try (Session session = openSession()) {
			if (!session.tableExists(ExpansionTables.EXPANSIONS)) {
				return List.of();
			}
			try (RunLock lock = lock(session)) {
				return expansions(session).retryDeferredContracts();
			}
		}
		catch (SQLException ex) {
			throw databaseFailure("retry deferred contracts", ex);
		}
	}

	/**
	 * Runs or resumes the backfills of expanded changes that have not finished (those left
	 * to the background, and those a crash interrupted), unless another instance is already
	 * at it. Holds a lock of its own, not the run's, so that a long backfill never keeps
	 * another instance from starting.
	 * @return the changes whose backfill ran; empty if there were none or another instance
	 * holds the backfill lock
	 */
	public List<String> resumeBackfills() {
		try (Session session = openSession()) {
			if (!session.tableExists(ExpansionTables.EXPANSIONS)) {
				return List.of();
			}
			try (RunLock lock = RunLock.acquire(this.configuration.dataSource(), session.dialect(),
					session.history().schema(), ExpansionTables.BACKFILLS, Duration.ZERO)) {
				return expansions(session).resumeBackfills();
			}
			catch (LockTimeoutException ex) {
				logger.debug("Another instance is running the backfills");
				return List.of();
			}
		}
		catch (SQLException ex) {
			throw databaseFailure("resume backfills", ex);
		}
	}

	/** The registry of running application instances that a contract waits for. */
	public InstanceRegistry instances() {
		Session.Target target = target();
		return new InstanceRegistry(this.configuration.dataSource(), target.dialect().type(), target.schema())
			.lockWait(this.configuration.lockWaitTimeout());
	}

	private List<Expansion> expansionsOf(Session session) throws SQLException {
		return session.tableExists(ExpansionTables.EXPANSIONS) ? expansions(session).list() : List.of();
	}

	private Expansions expansions(Session session) {
		return new Expansions(this.configuration.dataSource(), session.dialect().type(), session.history().schema())
			.instanceStaleness(this.configuration.instanceStaleness())
			.backfillWorkers(this.configuration.backfillWorkers())
			.lockWait(this.configuration.lockWaitTimeout())
			// Callers hold the session's connection and a lock's (the run's, or the backfills').
			.connectionsHeldByCaller(2, "the engine's lock and its session");
	}

	/** The database this engine works on, asking it only the first time. */
	private Session.Target target() {
		Session.Target known = this.target;
		if (known != null) {
			return known;
		}
		try (Session session = openSession()) {
			return session.target();
		}
	}

	private Session openSession() {
		Session session = Session.open(this.configuration, this.target);
		this.target = session.target();
		return session;
	}

	private RunLock lock(Session session) {
		RunLock lock = RunLock.acquire(this.configuration.dataSource(), session.dialect(),
				session.history().schema(), session.history().table(), this.configuration.lockWaitTimeout());
		this.listeners.tell((listener) -> listener.lockAcquired(lock.waited()));
		return lock;
	}

	private List<ResolvedMigration> resolve(Session session) {
		return resolve(session.dialect().type());
	}

	private List<ResolvedMigration> resolve(DatabaseType databaseType) {
		List<ResolvedMigration> known = this.classPathSources;
		if (known != null) {
			return known;
		}
		List<ResolvedMigration> resolved = new MigrationResolver(this.configuration.locations(),
				this.configuration.classLoader(), this.configuration.scriptSource(), this.configuration.encoding(),
				databaseType,
				this.configuration.javaMigrations())
			.failOnMissingLocations(this.configuration.failOnMissingLocations())
			.validateMigrationNaming(this.configuration.validateMigrationNaming())
			.resolve();
		if (this.configuration.locations().stream().allMatch((location) -> location.startsWith("classpath:"))) {
			this.classPathSources = resolved;
		}
		return resolved;
	}

	/**
	 * Stepwise's history; on a Flyway database not adopted yet, the rows adoption would write
	 * (checked against {@code resolved} when given).
	 */
	private List<AppliedMigration> historyOrAdoptable(Session session, @Nullable List<ResolvedMigration> resolved)
			throws SQLException {
		List<AppliedMigration> rows = session.history().readIfExists(session.connection());
		List<AppliedMigration> adoptable = this.adopter.preview(session, rows);
		if (adoptable != null && resolved != null) {
			this.adopter.check(session, resolved, adoptable);
		}
		return history(rows, adoptable);
	}

	/**
	 * Under the lock: Stepwise's history, adopting Flyway's first when there is one to adopt.
	 * @return the rows, or {@code null} when Stepwise's history table does not exist
	 */
	private @Nullable List<AppliedMigration> historyAdoptingFlyway(Session session, List<ResolvedMigration> resolved,
			RunLock lock) throws SQLException {
		List<AppliedMigration> rows = session.history().readIfExists(session.connection());
		List<AppliedMigration> adoptable = this.adopter.preview(session, rows);
		return (adoptable != null) ? this.adopter.adopt(session, resolved, adoptable, lock::lostBecause) : rows;
	}

	private static List<AppliedMigration> history(@Nullable List<AppliedMigration> rows,
			@Nullable List<AppliedMigration> adoptable) {
		if (adoptable != null) {
			return adoptable;
		}
		return (rows != null) ? rows : List.of();
	}

	/** The SQL callbacks in the locations, with the listeners. */
	private Callbacks callbacks(Session session) {
		List<SqlCallback> known = this.classPathCallbacks;
		if (known == null) {
			known = new MigrationResolver(this.configuration.locations(), this.configuration.classLoader(),
					this.configuration.scriptSource(), this.configuration.encoding(), session.dialect().type(), List.of())
				.callbacks();
			if (this.configuration.locations().stream().allMatch((location) -> location.startsWith("classpath:"))) {
				this.classPathCallbacks = known;
			}
		}
		return new Callbacks(known, this.configuration.executionSettings(), session.dialect(), this.listeners, placeholders(session));
	}

	private ScriptPlaceholders placeholders(Session session) {
		return new ScriptPlaceholders(this.configuration.executionSettings(), session.history().schema(), session.database(),
				session.databaseUser());
	}

	/** Runs the callbacks of a failure; their own failure must not hide the one being reported. */
	private static void fireAfterFailure(Callbacks callbacks, RunEvent event, Session session, RuntimeException failure) {
		try {
			callbacks.fire(event, session.connection());
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private MigrationStates states(List<ResolvedMigration> resolved, List<AppliedMigration> rows) {
		return MigrationStates.of(resolved, rows, this.configuration.outOfOrder(), this.configuration.target());
	}

	private MigrationExecutor executor(Session session) {
		return new MigrationExecutor(this.configuration.executionSettings(), session.dialect(), session.history(), this.listeners,
				session.user(), placeholders(session));
	}

	private void validateIfConfigured(Session session, MigrationStates states) {
		if (this.configuration.validateOnMigrate()) {
			validate(session, states);
		}
	}

	private void validate(Session session, MigrationStates states) {
		List<String> problems = new MigrationValidator(session.history().name(),
				this.configuration.ignoreFutureMigrations())
			.problems(states);
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(problems);
		}
	}

	/**
	 * What migrate applies, in order, up to the configured target; refused when that would
	 * re-apply a rolled back migration below a version in effect while {@code outOfOrder} is
	 * off, since the history would then show an order that the setting forbids.
	 */
	private List<MigrationEntry> pending(MigrationStates states, MigrateOptions options) {
		List<MigrationEntry> pending = pendingUpToTarget(states, options);
		if (!this.configuration.outOfOrder()) {
			new OutOfOrderReapply(states).refuseIfAny(pending);
		}
		return pending;
	}

	private List<MigrationEntry> pendingUpToTarget(MigrationStates states, MigrateOptions options) {
		MigrationVersion target = this.configuration.target();
		List<MigrationEntry> due = pendingInOrder(states, options);
		if (target == null) {
			return due;
		}
		return due.stream().filter((entry) -> entry.info().isRepeatable() || !entry.info().version().isNewerThan(target))
			.toList();
	}

	private static List<MigrationEntry> pendingInOrder(MigrationStates states, MigrateOptions options) {
		List<MigrationEntry> versioned = new ArrayList<>();
		List<MigrationEntry> repeatable = new ArrayList<>();
		for (MigrationEntry entry : states.entries()) {
			MigrationState state = entry.info().state();
			boolean due = state == MigrationState.PENDING || state == MigrationState.OUTDATED
					|| (state == MigrationState.ROLLED_BACK && options.includeRolledBack() && entry.resolved() != null);
			if (due) {
				(entry.info().isRepeatable() ? repeatable : versioned).add(entry);
			}
		}
		versioned.sort(Comparator.comparing((MigrationEntry entry) -> entry.info().version()));
		versioned.addAll(repeatable);
		return versioned;
	}

	/**
	 * Creates the history table. With {@code baselineOnMigrate}, a schema that already had
	 * tables is adopted (looked at before the history table adds its own); without it, such
	 * a schema is refused. A fresh, empty schema is simply migrated from the start.
	 * @return the history rows: the baseline, or none
	 */
	private List<AppliedMigration> createHistory(Session session) throws SQLException {
		boolean adopt = this.configuration.baselineOnMigrate() && UnknownSchema.hasOtherTables(session);
		if (!this.configuration.baselineOnMigrate()) {
			UnknownSchema.refuseIfNotEmpty(session);
		}
		session.history().createIfAbsent(session.connection());
		if (adopt) {
			return List.of(writeBaseline(session, MigrationVersion.parse(this.configuration.baselineVersion())));
		}
		return List.of();
	}

	private AppliedMigration writeBaseline(Session session, MigrationVersion version) throws SQLException {
		AppliedMigration baseline = new AppliedMigration(1, version, BASELINE_DESCRIPTION, MigrationType.BASELINE,
				BASELINE_DESCRIPTION, null, session.user(), Instant.now(), Duration.ZERO, true, null, null, null);
		session.history().append(session.connection(), baseline);
		logger.info("Baselined {} at version {}", session.history().name(), version);
		return baseline;
	}

	private static List<PlannedMigration> planApply(Session session, MigrationExecutor executor,
			List<MigrationEntry> pending) {
		return pending.stream()
			.map((entry) -> executor.planApply(session.connection(), Objects.requireNonNull(entry.resolved())))
			.toList();
	}

	private static List<PlannedMigration> planRollback(Session session, MigrationExecutor executor,
			List<MigrationEntry> selected) {
		return selected.stream()
			.map((entry) -> executor.planRollback(session.connection(), Objects.requireNonNull(entry.resolved())))
			.toList();
	}

	private static @Nullable MigrationVersion targetVersion(@Nullable MigrationVersion current,
			List<PlannedMigration> plan) {
		MigrationVersion target = current;
		for (PlannedMigration step : plan) {
			if (step.version() != null && (target == null || step.version().isNewerThan(target))) {
				target = step.version();
			}
		}
		return target;
	}

	private static @Nullable MigrationVersion versionAfterRollback(MigrationStates states,
			List<MigrationEntry> undone) {
		return states.entries()
			.stream()
			.filter((entry) -> entry.applied() != null && entry.applied().isInEffect() && !undone.contains(entry))
			.map((entry) -> entry.info().version())
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	private static int nextRank(List<AppliedMigration> rows) {
		return rows.stream().mapToInt(AppliedMigration::installedRank).max().orElse(0) + 1;
	}

	private static void log(List<ExecutedMigration> executed, String what, @Nullable MigrationVersion version) {
		if (!executed.isEmpty()) {
			logger.info("{} {} migration(s); now at version {}", what, executed.size(),
					(version != null) ? version : "0 (empty)");
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static StepwiseException databaseFailure(String action, SQLException ex) {
		return new StepwiseException("Could not " + action + ": " + ex.getMessage() + " [SQL state "
				+ ex.getSQLState() + "]", ex);
	}

}
