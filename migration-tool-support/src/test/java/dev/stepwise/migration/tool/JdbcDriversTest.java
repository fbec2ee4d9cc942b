package dev.stepwise.migration.tool;

import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The driver of a URL in the project's class loader, and the connector of the schema
 * commands through it.
 */
class JdbcDriversTest {

	private static final ToolWording WORDING = new ToolWording("the tool", "Check the file.", "Add a driver.",
			"Build first.", "Add a dependency.", IllegalArgumentException::new);

	@Test
	void theDriverComesFromTheProjectsClassLoaderAndTheConnectorReachesTheDatabaseThroughIt() throws Exception {
		// The H2 jar alone, as a project's dependency is: not on the tool's class path.
		URL h2 = org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation();
		try (URLClassLoader project = new URLClassLoader(new URL[] { h2 }, ClassLoader.getPlatformClassLoader())) {
			String url = "jdbc:h2:mem:jdbc_drivers;DB_CLOSE_DELAY=-1";
			Driver driver = JdbcDrivers.forUrl(project, url, WORDING);
			assertThat(driver.getClass().getClassLoader()).isSameAs(project);

			DataSource dataSource = JdbcDrivers.connector(project, "sa", null, WORDING).connect(url);
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT 40 + 2")) {
				result.next();
				assertThat(result.getInt(1)).isEqualTo(42);
				assertThat(connection.getMetaData().getUserName()).isEqualToIgnoringCase("sa");
				statement.execute("SHUTDOWN");
			}
		}
	}

	@Test
	void aUrlThatNoDriverTakesIsAUsageProblemWithThePasswordMasked() {
		assertThatThrownBy(() -> JdbcDrivers.forUrl(getClass().getClassLoader(),
				"jdbc:nosuchdb://h/db?user=a&password=p4ssw0rd&ssl=true", WORDING))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("No JDBC driver accepts the URL jdbc:nosuchdb://h/db?user=a&password=****&ssl=true. Add a driver.");
	}

}
