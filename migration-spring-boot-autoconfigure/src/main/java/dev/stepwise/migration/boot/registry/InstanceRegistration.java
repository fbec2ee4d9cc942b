package dev.stepwise.migration.boot.registry;

import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.api.SchemaMovedOnException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's entry in one engine's registry: registered with the highest version its
 * code contains, kept alive by heartbeats, and removed when it stops. Every failure is
 * logged and left for the next heartbeat: the registry must never stop the application.
 */
final class InstanceRegistration {

	private static final Logger logger = LoggerFactory.getLogger(InstanceRegistration.class);

	private final String engineName;

	private final Stepwise stepwise;

	private final String instanceId;

	private final String host;

	private volatile @Nullable MigrationVersion codeVersion;

	private volatile boolean withoutMigrations;

	InstanceRegistration(String engineName, Stepwise stepwise, String instanceId, String host) {
		this.engineName = engineName;
		this.stepwise = stepwise;
		this.instanceId = instanceId;
		this.host = host;
	}

	String instanceId() {
		return this.instanceId;
	}

	/**
	 * Registers this instance, unless its code has no versioned migration to protect.
	 * @throws SchemaMovedOnException if a contract already dropped a column this code uses
	 */
	void register() {
		try {
			MigrationVersion version = this.stepwise.codeVersion();
			if (version == null) {
				this.withoutMigrations = true;
				logger.debug("Engine '{}' has no versioned migrations: instance {} is not registered", this.engineName,
						this.instanceId);
				return;
			}
			this.stepwise.instances().register(this.instanceId, this.host, version);
			this.codeVersion = version;
			logger.info("Registered instance {} on {} with code version {} for engine '{}'", this.instanceId, this.host,
					version, this.engineName);
		}
		catch (SchemaMovedOnException ex) {
			// Not a passing failure: this code must not serve on a schema that dropped what it uses.
			throw ex;
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not register instance {} for engine '{}', trying again at the next heartbeat: {}",
					this.instanceId, this.engineName, ex.getMessage());
		}
	}

	/** Beats, registering again if the row is gone; never waits behind migration work. */
	void beat() {
		if (this.withoutMigrations) {
			return;
		}
		try {
			heartbeat();
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Heartbeat of instance {} for engine '{}' failed, trying again at the next one: {}",
					this.instanceId, this.engineName, ex.getMessage());
		}
	}

	/**
	 * Retries the deferred contracts, so that one completes in the background once the last
	 * instance of older code is gone. It may wait for the run's lock and drop columns for
	 * minutes: the registrar runs it on a thread of its own, never the heartbeat's.
	 */
	void retryContracts() {
		if (this.withoutMigrations || this.codeVersion == null) {
			return;
		}
		try {
			retryDeferredContracts();
		}
		catch (RuntimeException ex) {
			logger.warn("Background retry of the deferred contracts of engine '{}' failed, trying again later: {}",
					this.engineName, ex.getMessage());
		}
	}

	/** Removes this instance, so that a contract waiting for it may run. */
	void deregister() {
		if (this.codeVersion == null) {
			return;
		}
		try {
			this.stepwise.instances().deregister(this.instanceId);
			logger.info("Deregistered instance {} for engine '{}'", this.instanceId, this.engineName);
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not deregister instance {} for engine '{}'; it counts as gone once its heartbeat is"
					+ " older than stepwise.instance-staleness: {}", this.instanceId, this.engineName, ex.getMessage());
		}
	}

	private boolean heartbeat() throws SQLException {
		MigrationVersion version = this.codeVersion;
		if (version == null) {
			register();
			return this.codeVersion != null;
		}
		if (!this.stepwise.instances().heartbeat(this.instanceId)) {
			// The row is gone (removed by hand, or the database restored): without it a contract would not wait for us.
			logger.info("Instance {} was missing from the registry of engine '{}'; registering it again",
					this.instanceId, this.engineName);
			this.stepwise.instances().register(this.instanceId, this.host, version);
		}
		return true;
	}

	private void retryDeferredContracts() {
		// Reading first keeps the heartbeat off the run's lock, which a long migration elsewhere may hold.
		if (this.stepwise.expansions().stream().noneMatch(Expansion::contractDeferred)) {
			return;
		}
		for (ContractResult result : this.stepwise.retryDeferredContracts()) {
			if (result.contracted()) {
				logger.info("Contracted {} of engine '{}' in the background: no live instance runs older code any more",
						result.id(), this.engineName);
			}
			else {
				logger.debug("Contract of {} of engine '{}' still waits for instances {}", result.id(), this.engineName,
						waitingFor(result.waitingFor()));
			}
		}
	}

	private static List<String> waitingFor(List<RegisteredInstance> instances) {
		return instances.stream()
			.map((instance) -> instance.instanceId() + "@" + instance.host() + " (" + instance.maxVersion() + ")")
			.toList();
	}

}
