package dev.stepwise.migration;

/**
 * The engine: migrates, rolls back, validates and reports. Thread-safe; each call takes
 * the run's lock, reads the history once and releases the lock.
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

	private final StepwiseConfiguration configuration;

	Stepwise(StepwiseConfiguration configuration) {
		this.configuration = configuration;
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

	/** Applies pending migrations, or plans them for a dry run. */
	public MigrateResult migrate(MigrateOptions options) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Every migration with its state, and the current version. */
	public StepwiseInfo info() {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Checks the sources against the history.
	 * @throws MigrationValidationException naming every problem and its fix
	 */
	public void validate() {
		throw new UnsupportedOperationException("not yet");
	}

	/** Undoes every applied migration above {@code version}; {@code "0"} undoes everything. */
	public RollbackResult rollbackTo(String version) {
		return rollback(RollbackRequest.toVersion(version));
	}

	/** Undoes the {@code count} most recent applied migrations. */
	public RollbackResult rollbackLast(int count) {
		return rollback(RollbackRequest.last(count));
	}

	/** Undoes what the request names, or plans it for a dry run. */
	public RollbackResult rollback(RollbackRequest request) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Records {@code version} as the baseline of a database that already has a schema:
	 * migrations up to it count as applied.
	 */
	public void baseline(String version) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Removes the records of failed migrations (after the database was fixed by hand) and
	 * realigns checksums of applied scripts with the sources.
	 */
	public void repair() {
		throw new UnsupportedOperationException("not yet");
	}

}
