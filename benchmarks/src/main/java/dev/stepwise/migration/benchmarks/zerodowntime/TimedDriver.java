package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.jspecify.annotations.Nullable;

/**
 * A JDBC driver for {@code jdbc:stepwise-bench:<the real URL>}: what the URL path hands
 * to {@code Stepwise.configure().dataSource(url, user, password)}, so that the engine's own
 * DataSource (and its connection reuse) runs as a user's would, while every physical
 * connection it opens is timed and counted.
 */
final class TimedDriver implements Driver {

	static final String PREFIX = "jdbc:stepwise-bench:";

	private static @Nullable StatementTimings timings;

	private static final AtomicLong opened = new AtomicLong();

	static {
		try {
			DriverManager.registerDriver(new TimedDriver());
		}
		catch (SQLException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** Times the connections of the next run; returns the URL for it. */
	static synchronized String url(String realUrl, StatementTimings runTimings) {
		timings = runTimings;
		opened.set(0);
		return PREFIX + realUrl;
	}

	static long connectionsOpened() {
		return opened.get();
	}

	@Override
	public @Nullable Connection connect(String url, Properties info) throws SQLException {
		if (!acceptsURL(url)) {
			return null;
		}
		StatementTimings current = timings;
		Connection physical = DriverManager.getConnection(url.substring(PREFIX.length()), info);
		opened.incrementAndGet();
		return (current != null) ? current.timed(physical) : physical;
	}

	@Override
	public boolean acceptsURL(String url) {
		return url.startsWith(PREFIX);
	}

	@Override
	public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
		return new DriverPropertyInfo[0];
	}

	@Override
	public int getMajorVersion() {
		return 1;
	}

	@Override
	public int getMinorVersion() {
		return 0;
	}

	@Override
	public boolean jdbcCompliant() {
		return false;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException("no java.util.logging here");
	}

}
