package dev.stepwise.migration;

import java.util.List;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RepairRequest;
import dev.stepwise.migration.api.RepairResult;
import dev.stepwise.migration.api.RollbackRequest;
import dev.stepwise.migration.api.RollbackResult;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.api.StepwiseInfo;
import dev.stepwise.migration.expand.InstanceRegistry;
import org.jspecify.annotations.Nullable;

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
 *
 * Each workflow is a command of its own ({@code MigrateCommand}, {@code RollbackCommand},
 * ...), sharing the session, lock and resolver plumbing of one {@code EngineContext}.
 */
public final class Stepwise {

	private final EngineContext context;

	private final MigrateCommand migrate;

	private final RollbackCommand rollback;

	private final BaselineCommand baseline;

	private final RepairCommand repair;

	private final ValidateCommand validate;

	private final InfoCommand info;

	private final ContractCommand contract;

	private final BackfillCommand backfill;

	Stepwise(StepwiseConfiguration configuration) {
		this.context = new EngineContext(configuration);
		this.migrate = new MigrateCommand(this.context);
		this.rollback = new RollbackCommand(this.context);
		this.baseline = new BaselineCommand(this.context);
		this.repair = new RepairCommand(this.context);
		this.validate = new ValidateCommand(this.context);
		this.info = new InfoCommand(this.context);
		this.contract = new ContractCommand(this.context);
		this.backfill = new BackfillCommand(this.context);
	}

	/** Starts a configuration; {@code load()} on it gives the engine. */
	public static StepwiseConfiguration.Builder configure() {
		return new StepwiseConfiguration.Builder();
	}

	/** What this engine runs with. */
	public StepwiseConfiguration configuration() {
		return this.context.configuration();
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
		return this.migrate.run(options);
	}

	/** Every migration with its state, and the current version. */
	public StepwiseInfo info() {
		return this.info.info();
	}

	/**
	 * Checks the sources against the history.
	 * @throws MigrationValidationException naming every problem and its fix
	 */
	public void validate() {
		this.validate.run();
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
		return this.rollback.run(request);
	}

	/**
	 * Records {@code version} as the baseline of a database that already has a schema:
	 * migrations up to it count as applied, and only later ones run.
	 * @throws StepwiseException if the history table already has rows
	 */
	public void baseline(String version) {
		this.baseline.run(version);
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
		return this.repair.run(request);
	}

	/**
	 * The highest version among this application's migrations: what its code expects, as
	 * the instance registry records it.
	 */
	public @Nullable MigrationVersion codeVersion() {
		return this.info.codeVersion();
	}

	/**
	 * Every column change expanded by a migration, in flight or contracted, with its
	 * backfill's progress and, for a deferred contract, the instances it waits for.
	 */
	public List<Expansion> expansions() {
		return this.info.expansions();
	}

	/** Every backfill with its progress. */
	public List<BackfillProgress> backfills() {
		return this.info.backfills();
	}

	/**
	 * Contracts an expanded column change now, under the run's lock; deferred while a live
	 * instance still runs code older than the expand.
	 * @param changeId the change's id, {@code table.new_column}
	 */
	public ContractResult contract(String changeId) {
		return this.contract.contract(changeId);
	}

	/**
	 * Retries every deferred contract under the run's lock: what the starter calls in the
	 * background and at start-up.
	 * @return each retried contract, contracted or still deferred
	 */
	public List<ContractResult> retryDeferredContracts() {
		return this.contract.retryDeferred();
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
		return this.backfill.resume();
	}

	/** The registry of running application instances that a contract waits for. */
	public InstanceRegistry instances() {
		Session.Target target = this.context.target();
		return new InstanceRegistry(configuration().dataSource(), target.dialect().type(), target.schema())
			.lockWait(configuration().lockWaitTimeout());
	}

}
