package dev.stepwise.migration.internal.lock;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.api.LockTimeoutException;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock that serialises Stepwise runs on one history table across every instance.
 * <p>
 * It lives on a connection of its own, never inside a migration's transaction, which is
 * what lets {@code CREATE INDEX CONCURRENTLY} run while it is held. Acquiring it:
 * <ol>
 * <li>open a dedicated connection;</li>
 * <li>try to take the lock without waiting; on success, done;</li>
 * <li>otherwise sleep (50 ms, doubling to 1 s) and try again until the wait is used up;</li>
 * <li>then fail, naming the session that holds the lock.</li>
 * </ol>
 * While it runs, the engine asks {@link #lostBecause()} before each migration starts and
 * before it commits, since a proxy, a failover or an operator may end the lock's session
 * while the connection sits idle.
 * The lock belongs to the database session, so it goes when the process dies: it cannot
 * go stale.
 */
public final class RunLock implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RunLock.class);

	private final Connection connection;

	private final LockStrategy strategy;

	private final Duration waited;

	private RunLock(Connection connection, LockStrategy strategy, Duration waited) {
		this.connection = connection;
		this.strategy = strategy;
		this.waited = waited;
	}

	/**
	 * Takes the lock for a history table, waiting at most {@code wait}.
	 * @param dataSource where to open the lock's connection
	 * @param dialect the database's dialect
	 * @param schema the schema of the history table
	 * @param table the history table
	 * @param wait how long to wait for another run to finish
	 * @return the held lock; close it to release
	 * @throws LockTimeoutException if another run held it for the whole wait
	 */
	public static RunLock acquire(DataSource dataSource, Dialect dialect, String schema, String table, Duration wait) {
		long start = System.nanoTime();
		Connection connection = null;
		LockStrategy strategy = strategy(dialect, schema, table);
		try {
			connection = dataSource.getConnection();
			long sleepMillis = 50;
			while (!strategy.tryLock(connection)) {
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				if (elapsed.compareTo(wait) >= 0) {
					String holder = strategy.holder(connection);
					throw new LockTimeoutException("Could not get the migration lock on " + schema + "." + table
							+ " within " + wait.toMillis() + " ms: another Stepwise run holds it"
							+ ((holder != null) ? ": " + holder : "")
							+ ". Wait for that run to finish, or wait longer with lockWaitTimeout"
							+ " (Spring Boot: stepwise.lock-wait-timeout). The lock belongs to that database"
							+ " session, so it is released as soon as that process ends or its connection closes.");
				}
				if (sleepMillis == 50) {
					logger.info("Waiting for the migration lock on {}.{}: another instance is migrating", schema, table);
				}
				Thread.sleep(Math.min(sleepMillis, Math.max(1, wait.minus(elapsed).toMillis())));
				sleepMillis = Math.min(sleepMillis * 2, 1000);
			}
			return new RunLock(connection, strategy, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (SQLException ex) {
			release(strategy, connection);
			throw new StepwiseException("Could not take the migration lock on " + schema + "." + table + ": "
					+ ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			release(strategy, connection);
			throw new StepwiseException("Interrupted while waiting for the migration lock", ex);
		}
		catch (RuntimeException ex) {
			release(strategy, connection);
			throw ex;
		}
	}

	/**
	 * Gives back the connection of a failed acquire as the pool lent it: whatever the
	 * strategy changed on the session goes back first.
	 */
	private static void release(LockStrategy strategy, @Nullable Connection connection) {
		if (connection != null) {
			try {
				strategy.reset(connection);
			}
			catch (SQLException ex) {
				logger.debug("Could not reset the lock connection; it is closed", CredentialMask.masked(ex));
			}
		}
		closeQuietly(connection);
	}

	private static LockStrategy strategy(Dialect dialect, String schema, String table) {
		String name = schema + "." + table;
		return switch (dialect.type()) {
			case POSTGRESQL -> new PostgresAdvisoryLock(key(name));
			case MYSQL, MARIADB -> new MySqlNamedLock(mysqlLockName(name));
			case H2 -> new H2RowLock(dialect, schema, dialect.storedName(table + "_lock"));
		};
	}

	private static int key(String name) {
		CRC32 crc = new CRC32();
		crc.update(name.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() & 0x7fffffff);
	}

	// MySQL lock names are limited to 64 characters.
	private static String mysqlLockName(String name) {
		String full = "stepwise:" + name;
		return (full.length() <= 64) ? full : "stepwise:" + Integer.toHexString(key(name));
	}

	/**
	 * Checks, with one cheap query on the lock's own connection, that this run still holds
	 * the lock: a proxy's idle timeout, a failover or an operator may have ended its session,
	 * and another instance may have taken the lock since.
	 * @return {@code null} while the lock is held, otherwise why it is not
	 */
	public @Nullable String lostBecause() {
		try {
			return this.strategy.isHeld(this.connection) ? null
					: "the database no longer lists the lock's session as its holder";
		}
		catch (SQLException ex) {
			return "its session ended (" + ex.getMessage().strip() + " [SQL state " + ex.getSQLState() + "])";
		}
	}

	/** How long the run waited for another instance before it got the lock. */
	public Duration waited() {
		return this.waited;
	}

	@Override
	public void close() {
		try {
			this.strategy.unlock(this.connection);
		}
		catch (SQLException ex) {
			logger.warn("Could not release the migration lock; it goes with the connection, which closes now",
					CredentialMask.masked(ex));
		}
		finally {
			closeQuietly(this.connection);
		}
	}

	private static void closeQuietly(@Nullable Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close the lock connection", CredentialMask.masked(ex));
			}
		}
	}

}
