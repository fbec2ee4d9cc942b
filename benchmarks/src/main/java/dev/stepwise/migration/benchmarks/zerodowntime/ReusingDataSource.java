package dev.stepwise.migration.benchmarks.zerodowntime;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The engine's DataSource in the benchmark: a minimal pool, as an application's would be,
 * so that each backfill batch does not pay a new server process; or, when not reusing,
 * a new connection each time as {@code DriverManager} gives. It also tells a listener when
 * a connection is handed out, which marks the start of a backfill batch.
 */
final class ReusingDataSource implements DataSource, AutoCloseable {

	private final String url;

	private final boolean reuse;

	private final RunClock clock;

	private final LongConsumer onLease;

	private final StatementTimings timings = new StatementTimings();

	private final Deque<Connection> idle = new ArrayDeque<>();

	private final List<Connection> opened = new ArrayList<>();

	/**
	 * @param url the database
	 * @param reuse whether closed connections are kept for the next caller
	 * @param clock the run's clock
	 * @param onLease told the time, on the run's clock, whenever a connection is asked for
	 */
	ReusingDataSource(String url, boolean reuse, RunClock clock, LongConsumer onLease) {
		this.url = url;
		this.reuse = reuse;
		this.clock = clock;
		this.onLease = onLease;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection physical;
		synchronized (this) {
			physical = this.reuse ? this.idle.pollFirst() : null;
		}
		this.onLease.accept(this.clock.now());
		if (physical == null) {
			long start = System.nanoTime();
			physical = DriverManager.getConnection(this.url);
			this.timings.add("jdbc new connection", System.nanoTime() - start);
			synchronized (this) {
				this.opened.add(physical);
			}
		}
		return this.timings.timed(physical, new Lease(physical));
	}

	/** The time the engine spent in each kind of statement on this DataSource's connections. */
	StatementTimings timings() {
		return this.timings;
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("the benchmark's DataSource has one user");
	}

	@Override
	public synchronized void close() throws SQLException {
		for (Connection connection : this.opened) {
			connection.close();
		}
		this.opened.clear();
		this.idle.clear();
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
		throw new SQLFeatureNotSupportedException("no java.util.logging here");
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		throw new SQLException("not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return false;
	}

	/**
	 * One use of a connection: when reusing, close() gives it back, as a pool would, with
	 * autocommit restored; otherwise close() closes it.
	 */
	private final class Lease implements InvocationHandler {

		private final Connection physical;

		private boolean returned;

		Lease(Connection physical) {
			this.physical = physical;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] arguments) throws Throwable {
			switch (method.getName()) {
				case "close" -> {
					giveBack();
					return null;
				}
				case "isClosed" -> {
					return this.returned || this.physical.isClosed();
				}
				default -> {
					if (this.returned) {
						throw new SQLException("connection already closed");
					}
					try {
						return method.invoke(this.physical, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				}
			}
		}

		private void giveBack() throws SQLException {
			if (this.returned) {
				return;
			}
			this.returned = true;
			if (!ReusingDataSource.this.reuse) {
				this.physical.close();
				return;
			}
			if (!this.physical.getAutoCommit()) {
				this.physical.rollback();
				this.physical.setAutoCommit(true);
			}
			synchronized (ReusingDataSource.this) {
				ReusingDataSource.this.idle.addFirst(this.physical);
			}
		}

	}

}
