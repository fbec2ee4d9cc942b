package dev.stepwise.migration;

import dev.stepwise.migration.api.CredentialMask;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A DataSource that opens a new connection each time: enough for a migration run, which
 * holds two connections (the lock's and the work's) from start to end.
 */
final class DriverManagerDataSource implements DataSource {

	private final String url;

	private final @Nullable String user;

	private final @Nullable String password;

	DriverManagerDataSource(String url, @Nullable String user, @Nullable String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connect(this.user, this.password);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(username, password);
	}

	private Connection connect(@Nullable String user, @Nullable String password) throws SQLException {
		try {
			return DriverManager.getConnection(this.url, user, password);
		}
		catch (SQLException ex) {
			// DriverManager says "No suitable driver found for <the whole URL>", and drivers quote the URL in
			// their own messages (H2's URL format error): mask before anything can log or wrap it.
			List<String> secrets = new ArrayList<>(CredentialMask.secretsIn(this.url));
			if (password != null) {
				secrets.add(password);
			}
			throw CredentialMask.masked(ex, secrets);
		}
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
		return "DriverManagerDataSource[" + CredentialMask.mask(this.url) + "]";
	}

}
