package dev.stepwise.migration.tool;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.stepwise.migration.api.CredentialMask;
import org.jspecify.annotations.Nullable;

/**
 * A DataSource that opens each connection with the JDBC driver that accepts the URL,
 * found through {@link ServiceLoader} in the tool's class loader: unlike {@code DriverManager}, it sees drivers on the project's class path.
 */
public final class DriverDataSource implements DataSource {

	private final Driver driver;

	private final String url;

	private final Properties credentials = new Properties();

	/**
	 * A DataSource over the driver of the class loader that accepts the URL.
	 * @param classLoader where to look for JDBC drivers
	 * @param url the JDBC URL
	 * @param user the user, if any
	 * @param password the password, if any
	 * @param wording how the tool words and reports a URL that no driver accepts
	 */
	public DriverDataSource(ClassLoader classLoader, String url, @Nullable String user, @Nullable String password,
			ToolWording wording) {
		this.driver = driverFor(classLoader, url, wording);
		this.url = url;
		if (user != null) {
			this.credentials.setProperty("user", user);
		}
		if (password != null) {
			this.credentials.setProperty("password", password);
		}
	}

	private static Driver driverFor(ClassLoader classLoader, String url, ToolWording wording) {
		for (Driver candidate : ServiceLoader.load(Driver.class, classLoader)) {
			try {
				if (candidate.acceptsURL(url)) {
					return candidate;
				}
			}
			catch (SQLException ex) {
				// A driver that cannot tell does not take the URL.
			}
		}
		throw wording.usage("No JDBC driver accepts the URL " + redacted(url) + ". " + wording.driverAdvice());
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.driver.connect(this.url, this.credentials);
		if (connection == null) {
			throw new SQLException("The driver " + this.driver.getClass().getName() + " refused the URL "
					+ redacted(this.url), "08001");
		}
		return connection;
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("The command line connects with the configured user only");
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

	/** The URL with its credentials masked as the engine masks them everywhere else. */
	private static String redacted(String url) {
		return Objects.requireNonNull(CredentialMask.mask(url));
	}

	@Override
	public String toString() {
		return redacted(this.url);
	}

}
