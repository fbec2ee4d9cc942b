package dev.stepwise.migration;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.stepwise.migration.api.CredentialMask;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The DataSource of {@code Stepwise.configure().dataSource(url, user, password)} and of
 * {@code dataSource(driver, url, user, password)}: opens physical connections through
 * {@code DriverManager} or the given driver ({@link PhysicalConnections}), and keeps the
 * connections of one engine call for reuse, so that a backfill's batches (each of which
 * asks for a connection) do not pay a new server session each.
 * <ol>
 * <li>A closed connection goes back to the idle set, its transaction rolled back and its
 * settings put back; one that failed a call, was aborted, or holds more than
 * {@value #MAXIMUM_IDLE} idle is closed instead.</li>
 * <li>A connection that sat idle longer than the validation window is checked with
 * {@link Connection#isValid(int)} before it is lent again, and replaced when the server
 * or a proxy dropped it.</li>
 * <li>When the last lent connection comes back, the call that used them (a migrate, whose
 * session holds a connection from its start to its end) is over: every idle connection
 * is closed, so that nothing stays open between calls.</li>
 * </ol>
 */
final class ReusingDataSource implements DataSource {

	/** The most idle connections kept: the run's session and lock, and a backfill's workers. */
	static final int MAXIMUM_IDLE = 8;

	/** HikariCP's window too: a connection used this recently is lent without a check. */
	static final Duration VALIDATION_WINDOW = Duration.ofMillis(500);

	private static final int VALIDATION_TIMEOUT_SECONDS = 5;

	private static final org.slf4j.Logger logger = LoggerFactory.getLogger(ReusingDataSource.class);

	private final PhysicalConnections connections;

	private final String url;

	private final @Nullable String user;

	private final @Nullable String password;

	private final long validationWindowNanos;

	private final Deque<ReusableConnection> idle = new ArrayDeque<>();

	private int lent;

	private long opened;

	private long leases;

	ReusingDataSource(PhysicalConnections connections, String url, @Nullable String user, @Nullable String password) {
		this(connections, url, user, password, VALIDATION_WINDOW);
	}

	ReusingDataSource(PhysicalConnections connections, String url, @Nullable String user, @Nullable String password,
			Duration validationWindow) {
		this.connections = connections;
		this.url = url;
		this.user = user;
		this.password = password;
		this.validationWindowNanos = validationWindow.toNanos();
	}

	@Override
	public Connection getConnection() throws SQLException {
		ReusableConnection candidate;
		synchronized (this) {
			this.lent++;
			this.leases++;
			candidate = this.idle.pollFirst();
		}
		try {
			while (candidate != null) {
				if (candidate.usable(this.validationWindowNanos, VALIDATION_TIMEOUT_SECONDS)) {
					return candidate.lend();
				}
				candidate.closePhysical();
				synchronized (this) {
					candidate = this.idle.pollFirst();
				}
			}
			Connection physical = connect(this.user, this.password);
			synchronized (this) {
				this.opened++;
			}
			return new ReusableConnection(physical, this).lend();
		}
		catch (SQLException | RuntimeException ex) {
			returned(null);
			throw ex;
		}
	}

	/** Another user's connection is not reused: it is the caller's alone, closed on close. */
	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(username, password);
	}

	/**
	 * Takes a connection back from a lease.
	 * @param reusable the connection to keep, or {@code null} when it was closed or never opened
	 */
	void returned(@Nullable ReusableConnection reusable) {
		List<ReusableConnection> toClose = new ArrayList<>();
		synchronized (this) {
			this.lent--;
			if (reusable != null) {
				if (this.idle.size() < MAXIMUM_IDLE) {
					this.idle.addFirst(reusable);
				}
				else {
					toClose.add(reusable);
				}
			}
			if (this.lent == 0) {
				toClose.addAll(this.idle);
				this.idle.clear();
			}
		}
		toClose.forEach(ReusableConnection::closePhysical);
	}

	/** How many physical connections this DataSource opened for reuse, since it was made. */
	synchronized long physicalConnectionsOpened() {
		return this.opened;
	}

	/** How many times a connection was asked for. */
	synchronized long connectionsLent() {
		return this.leases;
	}

	/** How many connections are open: lent, or idle. */
	synchronized int idleConnections() {
		return this.idle.size();
	}

	private Connection connect(@Nullable String user, @Nullable String password) throws SQLException {
		try {
			return this.connections.open(this.url, user, password);
		}
		catch (SQLException ex) {
			// DriverManager says "No suitable driver found for <the whole URL>", and drivers quote the URL in
			// their own messages (H2's URL format error): mask before anything can log or wrap it, whichever
			// way the connection was opened.
			List<String> secrets = new ArrayList<>(CredentialMask.secretsIn(this.url));
			if (password != null) {
				secrets.add(password);
			}
			throw CredentialMask.masked(ex, secrets);
		}
	}

	static void debug(String message, Throwable ex) {
		logger.debug(message, CredentialMask.masked(ex));
	}

	@Override
	public @Nullable PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(@Nullable PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		throw new SQLException("Not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

	@Override
	public String toString() {
		return "ReusingDataSource[" + CredentialMask.mask(this.url) + "]";
	}

}
