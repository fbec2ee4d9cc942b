package dev.stepwise.migration.boot.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.expand.InstanceRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Registers this application instance in the instance registry of every engine while it
 * runs, so that a contract waits until no live instance runs code older than its expand.
 * <p>
 * How it runs:
 * <ol>
 * <li>on start (after the start-up migration, before the web server serves): registers a
 * random id, this host and the highest migration version the code contains;</li>
 * <li>every heartbeat interval, on a daemon thread: beats (registering again if the row is
 * gone);</li>
 * <li>every heartbeat interval too, on another daemon thread: retries the deferred
 * contracts, which complete once the instances they wait for are gone. A contract may wait
 * for the run's lock and drop columns for minutes; on a thread of its own it never delays a
 * beat, so this instance never looks gone to the others meanwhile;</li>
 * <li>on stop (after the web server drained its last request): deregisters.</li>
 * </ol>
 * Failures are logged and never stop the application.
 */
public class StepwiseInstanceRegistrar implements SmartLifecycle {

	/**
	 * Below the phases of the web server (start-stop at {@code DEFAULT_PHASE - 2048},
	 * graceful shutdown at {@code DEFAULT_PHASE - 1024}): started before it serves, stopped
	 * after its graceful shutdown, since until then old code may still use an old column.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(StepwiseInstanceRegistrar.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

	private final List<InstanceRegistration> registrations;

	private final Duration heartbeatInterval;

	private final Object monitor = new Object();

	private @Nullable ScheduledExecutorService heartbeats;

	private @Nullable ScheduledExecutorService contracts;

	/**
	 * Creates a registrar of the engines.
	 * @param engines the engines by bean name; each registers this instance in its own database
	 * @param heartbeatInterval the time between heartbeats, well below the engines' instance staleness
	 */
	public StepwiseInstanceRegistrar(Map<String, Stepwise> engines, Duration heartbeatInterval) {
		if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
			throw new IllegalArgumentException(
					"stepwise.instance-registry.heartbeat-interval must be positive, got " + heartbeatInterval);
		}
		String host = InstanceRegistry.localHost();
		this.registrations = engines.entrySet()
			.stream()
			.map((engine) -> new InstanceRegistration(engine.getKey(), engine.getValue(), UUID.randomUUID().toString(),
					host))
			.toList();
		this.heartbeatInterval = heartbeatInterval;
	}

	/** The id this instance has in each engine's registry, in the order of the engines. */
	public List<String> instanceIds() {
		return this.registrations.stream().map(InstanceRegistration::instanceId).toList();
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.heartbeats != null) {
				return;
			}
			this.registrations.forEach(InstanceRegistration::register);
			long interval = this.heartbeatInterval.toMillis();
			ScheduledExecutorService heartbeats = daemon("stepwise-heartbeat");
			// The first beat one interval on: registering just wrote the heartbeat, and a beat
			// now would only add a connection and an UPDATE to the start-up.
			heartbeats.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.MILLISECONDS);
			this.heartbeats = heartbeats;
			// Right away too: contracts that an earlier run left deferred may be ready now.
			ScheduledExecutorService contracts = daemon("stepwise-contracts");
			contracts.scheduleWithFixedDelay(this::retryContracts, 0, interval, TimeUnit.MILLISECONDS);
			this.contracts = contracts;
		}
	}

	@Override
	public void stop() {
		synchronized (this.monitor) {
			ScheduledExecutorService heartbeats = this.heartbeats;
			if (heartbeats == null) {
				return;
			}
			this.heartbeats = null;
			ScheduledExecutorService contracts = this.contracts;
			this.contracts = null;
			heartbeats.shutdownNow();
			if (contracts != null) {
				contracts.shutdownNow();
				awaitTermination(contracts);
			}
			awaitTermination(heartbeats);
			this.registrations.forEach(InstanceRegistration::deregister);
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.monitor) {
			return this.heartbeats != null;
		}
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void beat() {
		this.registrations.forEach(InstanceRegistration::beat);
	}

	private void retryContracts() {
		this.registrations.forEach(InstanceRegistration::retryContracts);
	}

	private static ScheduledExecutorService daemon(String name) {
		return new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	private static void awaitTermination(ScheduledExecutorService heartbeats) {
		try {
			if (!heartbeats.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("A background contract was still running at shutdown; it resumes at the next start");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
