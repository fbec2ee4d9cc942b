package dev.stepwise.migration.expand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections an expand or contract may take at once, next to those its caller holds,
 * so that each step sizes itself to the pool or refuses at once: a pool that has no
 * connection left makes a caller wait for its timeout (or for ever, with none).
 *
 * @param poolSize the pool's maximum size; {@link Integer#MAX_VALUE} when unknown
 * @param heldByCaller the connections the caller holds meanwhile
 * @param holders what the caller holds them for
 */
record ConnectionBudget(int poolSize, int heldByCaller, String holders) {

	static final ConnectionBudget UNKNOWN = new ConnectionBudget(Integer.MAX_VALUE, 0, "");

	private static final Logger logger = LoggerFactory.getLogger(ConnectionBudget.class);

	/** The connections left for this step. */
	int available() {
		return (this.poolSize == Integer.MAX_VALUE) ? Integer.MAX_VALUE : this.poolSize - this.heldByCaller;
	}

	/**
	 * Refuses a step that needs more connections at once than the pool has left.
	 * @throws IllegalStateException naming the pool size needed
	 */
	void require(int connections, String step) {
		if (connections > available()) {
			int needed = this.heldByCaller + connections;
			throw new IllegalStateException("Cannot " + step + ": it needs " + connections + " connection(s) of its own"
					+ " while " + this.holders + " hold " + this.heldByCaller + ", that is " + needed
					+ " at once, but the connection pool allows " + this.poolSize + ". Nothing was changed by this step."
					+ " Raise the pool's maximum size to at least " + needed
					+ " (Spring Boot: spring.datasource.hikari.maximum-pool-size), or give Stepwise a database connection"
					+ " of its own (stepwise.url), then run again.");
		}
	}

	/** The backfill workers that fit: the configured number, or fewer on a small pool. */
	int workers(int configured, String backfill) {
		require(1, backfill);
		int fitting = Math.min(configured, available());
		if (fitting < configured) {
			logger.info("The {} runs with {} worker(s) instead of {}: the connection pool allows {} and {} hold {}",
					backfill, fitting, configured, this.poolSize, this.holders, this.heldByCaller);
		}
		return fitting;
	}

}
