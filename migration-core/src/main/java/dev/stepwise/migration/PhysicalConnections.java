package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import dev.stepwise.migration.api.CredentialMask;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ReusingDataSource} opens a physical connection: through {@code DriverManager},
 * or through a given {@link Driver} when the driver lives in a class loader that
 * {@code DriverManager} does not see (the command line's {@code --class-path}, a Maven
 * project's dependencies). Its failures may quote the URL: the caller masks them.
 */
@FunctionalInterface
interface PhysicalConnections {

	/**
	 * Opens a new physical connection.
	 * @param url the JDBC URL
	 * @param user the user, or {@code null} when the URL carries it
	 * @param password the password, or {@code null}
	 * @return the connection, never {@code null}
	 * @throws SQLException when the driver or the server refuses
	 */
	Connection open(String url, @Nullable String user, @Nullable String password) throws SQLException;

	/** Through {@code DriverManager}, which sees the drivers of the application's class path. */
	static PhysicalConnections driverManager() {
		return DriverManager::getConnection;
	}

	/** Through the given driver, as {@code DriverManager} would call it. */
	static PhysicalConnections driver(Driver driver) {
		return (url, user, password) -> {
			Properties properties = new Properties();
			if (user != null) {
				properties.setProperty("user", user);
			}
			if (password != null) {
				properties.setProperty("password", password);
			}
			Connection connection = driver.connect(url, properties);
			if (connection == null) {
				// JDBC's way of saying "not my URL": without this, a null connection fails later and far away. The
				// URL goes last, as a masked value swallows the punctuation that follows it.
				throw new SQLException("The driver " + driver.getClass().getName()
						+ " refused the URL, which is not of its kind: " + CredentialMask.mask(url), "08001");
			}
			return connection;
		};
	}

}
