package dev.stepwise.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.ExecutedMigration;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RunEvent;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.expand.ExpansionTables;
import dev.stepwise.migration.expand.Expansions;
import dev.stepwise.migration.internal.execute.Callbacks;
import dev.stepwise.migration.internal.execute.Listeners;
import dev.stepwise.migration.internal.execute.MigrationExecutor;
import dev.stepwise.migration.internal.execute.ScriptPlaceholders;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.info.MigrationStates;
import dev.stepwise.migration.internal.info.MigrationValidator;
import dev.stepwise.migration.internal.lock.RunLock;
import dev.stepwise.migration.internal.resolve.MigrationResolver;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the commands of one engine share: its configuration and listeners, and the plumbing
 * of a call (the session, the run's lock, the sources and callbacks, the states and their
 * validation). One per {@link Stepwise}; thread-safe, since its caches are written whole.
 */
final class EngineContext {

	// The engine's log name, which users' logging configuration already knows.
	private static final Logger logger = LoggerFactory.getLogger(Stepwise.class);

	private final StepwiseConfiguration configuration;

	private final Listeners listeners;

	private final AdoptingHistory history;

	// Learned from the first session: neither changes while the engine lives.
	private volatile Session.@Nullable Target target;

	// Class-path sources cannot change while the engine lives either, so info() (health
	// checks, metric scrapes) need not read them again; filesystem ones can, and are read each time.
	private volatile MigrationResolver.@Nullable Sources classPathSources;

	EngineContext(StepwiseConfiguration configuration) {
		this.configuration = configuration;
		this.listeners = new Listeners(configuration.listeners());
		this.history = new AdoptingHistory(new FlywayHistoryAdopter(configuration));
	}

	StepwiseConfiguration configuration() {
		return this.configuration;
	}

	Listeners listeners() {
		return this.listeners;
	}

	/** Stepwise's history as the commands read it, with Flyway's adopted or previewed. */
	AdoptingHistory history() {
		return this.history;
	}

	Session openSession() {
		Session session = Session.open(this.configuration, this.target);
		this.target = session.target();
		return session;
	}

	/** The database this engine works on, asking it only the first time. */
	Session.Target target() {
		Session.Target known = this.target;
		if (known != null) {
			return known;
		}
		try (Session session = openSession()) {
			return session.target();
		}
	}

	/** The run's lock, on the history table, told to the listeners once held. */
	RunLock lock(Session session) {
		RunLock lock = RunLock.acquire(this.configuration.dataSource(), session.dialect(),
				session.history().schema(), session.history().table(), this.configuration.lockWaitTimeout());
		this.listeners.tell((listener) -> listener.lockAcquired(lock.waited()));
		return lock;
	}

	List<ResolvedMigration> resolve(Session session) {
		return resolve(session.dialect().type());
	}

	List<ResolvedMigration> resolve(DatabaseType databaseType) {
		return sources(databaseType).migrations();
	}

	/** The migrations and the SQL callbacks, from one listing of the locations. */
	MigrationResolver.Sources sources(Session session) {
		return sources(session.dialect().type());
	}

	private MigrationResolver.Sources sources(DatabaseType databaseType) {
		MigrationResolver.Sources known = this.classPathSources;
		if (known != null) {
			return known;
		}
		MigrationResolver.Sources sources = new MigrationResolver(this.configuration.locations(),
				this.configuration.classLoader(), this.configuration.scriptSource(), this.configuration.encoding(),
				databaseType, this.configuration.javaMigrations())
			.failOnMissingLocations(this.configuration.failOnMissingLocations())
			.validateMigrationNaming(this.configuration.validateMigrationNaming())
			.resolveWithCallbacks();
		if (onlyClassPath()) {
			this.classPathSources = sources;
		}
		return sources;
	}

	/** The SQL callbacks found with the migrations, with the listeners. */
	Callbacks callbacks(Session session, MigrationResolver.Sources sources) {
		return new Callbacks(sources.callbacks(), this.configuration.executionSettings(), session.dialect(),
				this.listeners, placeholders(session));
	}

	private boolean onlyClassPath() {
		for (String location : this.configuration.locations()) {
			if (!location.startsWith("classpath:")) {
				return false;
			}
		}
		return true;
	}

	private ScriptPlaceholders placeholders(Session session) {
		return new ScriptPlaceholders(this.configuration.executionSettings(), session.history().schema(),
				session.database(), session.databaseUser());
	}

	MigrationExecutor executor(Session session) {
		return new MigrationExecutor(this.configuration.executionSettings(), session.dialect(), session.history(),
				this.listeners, session.user(), placeholders(session));
	}

	MigrationStates states(List<ResolvedMigration> resolved, List<AppliedMigration> rows) {
		return MigrationStates.of(resolved, rows, this.configuration.outOfOrder(), this.configuration.target());
	}

	void validateIfConfigured(Session session, MigrationStates states) {
		if (this.configuration.validateOnMigrate()) {
			validate(session, states);
		}
	}

	/** @throws MigrationValidationException naming every problem and its fix */
	void validate(Session session, MigrationStates states) {
		List<String> problems = new MigrationValidator(session.history().name(),
				this.configuration.ignoreFutureMigrations())
			.problems(states);
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(problems);
		}
	}

	/** The expansions, empty while their table does not exist. */
	List<Expansion> expansionsOf(Session session) throws SQLException {
		return session.tableExists(ExpansionTables.EXPANSIONS) ? expansions(session).list() : List.of();
	}

	Expansions expansions(Session session) {
		return new Expansions(this.configuration.dataSource(), session.dialect().type(), session.history().schema(),
				this.configuration.expansionSettings())
			// Callers hold the session's connection and a lock's (the run's, or the backfills').
			.connectionsHeldByCaller(2, "the engine's lock and its session");
	}

	/** Runs the callbacks of a failure; their own failure must not hide the one being reported. */
	static void fireAfterFailure(Callbacks callbacks, RunEvent event, Session session, RuntimeException failure) {
		try {
			callbacks.fire(event, session.connection());
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	static void log(List<ExecutedMigration> executed, String what, @Nullable MigrationVersion version) {
		if (!executed.isEmpty()) {
			logger.info("{} {} migration(s); now at version {}", what, executed.size(),
					(version != null) ? version : "0 (empty)");
		}
	}

	static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	static StepwiseException databaseFailure(String action, SQLException ex) {
		return new StepwiseException("Could not " + action + ": " + ex.getMessage() + " [SQL state "
				+ ex.getSQLState() + "]", ex);
	}

}
