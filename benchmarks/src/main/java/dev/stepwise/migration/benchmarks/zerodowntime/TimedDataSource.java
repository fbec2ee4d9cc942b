package dev.stepwise.migration.benchmarks.zerodowntime;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The pool path's DataSource: an application's pool (HikariCP), each borrowed connection
 * timed and told to the timeline, as {@link TimedDriver} does for the URL path.
 */
public final class TimedDataSource implements DataSource {

	private final DataSource pool;

	private final StatementTimings timings;

	TimedDataSource(DataSource pool, StatementTimings timings) {
		this.pool = pool;
		this.timings = timings;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return this.timings.timed(this.pool.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("the benchmark's pool has one user");
	}

	/** What the engine reads to size its backfill workers to the pool. */
	public int getMaximumPoolSize() {
		return (this.pool instanceof com.zaxxer.hikari.HikariDataSource hikari) ? hikari.getMaximumPoolSize() : 10;
	}

	// The rest is the pool's own: this wrapper only times connections.

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.pool.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.pool.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.pool.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.pool.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.pool.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this.pool)) {
			return type.cast(this.pool);
		}
		throw new SQLException("not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this.pool);
	}

}
