package dev.stepwise.migration.tool;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.ServiceLoader;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.catalog.ShadowDatabase;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC driver of a URL, found through {@link ServiceLoader} in the project's class
 * loader: {@code DriverManager} does not lend a driver there to the tool's own classes. The
 * tools hand it to {@code Stepwise.configure().dataSource(driver, url, user, password)}, so
 * that their runs reuse connections as the engine does for any URL.
 */
public final class JdbcDrivers {

	private JdbcDrivers() {
	}

	/**
	 * The driver of the class loader that accepts the URL.
	 * @param classLoader where to look for JDBC drivers
	 * @param url the JDBC URL
	 * @param wording how the tool words and reports a URL that no driver accepts
	 * @return the driver
	 */
	public static Driver forUrl(ClassLoader classLoader, String url, ToolWording wording) {
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
		throw wording.usage("No JDBC driver accepts the URL " + Objects.requireNonNull(CredentialMask.mask(url)) + ". "
				+ wording.driverAdvice());
	}

	/**
	 * Opens shadow databases and catalog reads on the configured server as the engine does:
	 * through the driver of each URL, with the configured user and password.
	 * @param classLoader where to look for JDBC drivers
	 * @param user the user, if any
	 * @param password the password, if any
	 * @param wording how the tool words and reports a URL that no driver accepts
	 * @return the connector
	 */
	public static ShadowDatabase.Connector connector(ClassLoader classLoader, @Nullable String user,
			@Nullable String password, ToolWording wording) {
		return (url) -> Stepwise.configure()
			.dataSource(forUrl(classLoader, url, wording), url, user, password)
			.build()
			.dataSource();
	}

}
