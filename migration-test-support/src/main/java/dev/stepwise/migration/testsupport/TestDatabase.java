package dev.stepwise.migration.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh, empty database of its own for one test class, dropped on {@link #close()}.
 * <p>
 * The server comes from, in order:
 * <ol>
 * <li>{@code STEPWISE_TEST_POSTGRES_URL} / {@code STEPWISE_TEST_MARIADB_URL}: a JDBC URL
 * (user and password as URL parameters) of a server where tests may create databases;</li>
 * <li>Testcontainers, when a Docker engine is available;</li>
 * <li>otherwise the test is skipped with the reason, or fails when
 * {@code STEPWISE_TEST_REQUIRE_DATABASES=true}, as CI sets it.</li>
 * </ol>
 * H2 needs no server: each database is a named in-memory one.
 */
public final class TestDatabase implements AutoCloseable {

	private final TestDatabaseType type;

	private final String adminUrl;

	private final String name;

	private final String url;

	private final HikariDataSource dataSource;

	private TestDatabase(TestDatabaseType type, String adminUrl, String name, String url) {
		this.type = type;
		this.adminUrl = adminUrl;
		this.name = name;
		this.url = url;
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setMaximumPoolSize(12);
		config.setPoolName("test-" + name);
		this.dataSource = new HikariDataSource(config);
	}

	/**
	 * Creates a fresh database.
	 * @param type the database
	 * @return the database, empty
	 * @throws org.opentest4j.TestAbortedException when no server is available and
	 * databases are not required
	 */
	public static TestDatabase create(TestDatabaseType type) {
		String name = "stepwise_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (type == TestDatabaseType.H2) {
			String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
			return new TestDatabase(type, url, name, url);
		}
		String adminUrl = ServerUrls.adminUrl(type);
		try (Connection connection = DriverManager.getConnection(adminUrl);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create test database on " + ServerUrls.redacted(adminUrl), ex);
		}
		return new TestDatabase(type, adminUrl, name, ServerUrls.withDatabase(adminUrl, name));
	}

	public TestDatabaseType type() {
		return this.type;
	}

	/** A pooled DataSource on this database. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** The JDBC URL of this database, with credentials as parameters. */
	public String url() {
		return this.url;
	}

	public String name() {
		return this.name;
	}

	/** Drops everything in the database, so the next test starts from empty. */
	public void reset() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			switch (this.type) {
				case POSTGRESQL -> {
					statement.execute("DROP SCHEMA public CASCADE");
					statement.execute("CREATE SCHEMA public");
				}
				case H2 -> statement.execute("DROP ALL OBJECTS");
				default -> {
					statement.execute("DROP DATABASE " + this.name);
					statement.execute("CREATE DATABASE " + this.name);
					statement.execute("USE " + this.name);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reset test database " + this.name, ex);
		}
		if (this.type == TestDatabaseType.MARIADB) {
			// Pooled connections still point at the dropped database.
			this.dataSource.getHikariPoolMXBean().softEvictConnections();
		}
	}

	@Override
	public void close() {
		this.dataSource.close();
		if (this.type == TestDatabaseType.H2) {
			try (Connection connection = DriverManager.getConnection(this.url);
					Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				// Already gone.
			}
			return;
		}
		try (Connection connection = DriverManager.getConnection(this.adminUrl);
				Statement statement = connection.createStatement()) {
			if (this.type == TestDatabaseType.POSTGRESQL) {
				statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			}
			else {
				statement.execute("DROP DATABASE IF EXISTS " + this.name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop test database " + this.name, ex);
		}
	}

	/** Where the servers are: environment first, then Testcontainers, then a skip. */
	static final class ServerUrls {

		private static final boolean REQUIRED = Boolean.parseBoolean(System.getenv("STEPWISE_TEST_REQUIRE_DATABASES"));

		private static volatile @Nullable PostgreSQLContainer postgres;

		private static volatile @Nullable MariaDBContainer mariadb;

		static String adminUrl(TestDatabaseType type) {
			String variable = (type == TestDatabaseType.POSTGRESQL) ? "STEPWISE_TEST_POSTGRES_URL" : "STEPWISE_TEST_MARIADB_URL";
			String url = System.getenv(variable);
			if (url != null && !url.isBlank()) {
				return url;
			}
			if (dockerAvailable()) {
				return containerUrl(type);
			}
			String reason = "No " + type.name().toLowerCase(Locale.ROOT) + " server: set " + variable
					+ " to a JDBC URL of a server where tests may create databases, or start Docker for Testcontainers";
			if (REQUIRED) {
				throw new IllegalStateException(reason + " (STEPWISE_TEST_REQUIRE_DATABASES=true forbids skipping)");
			}
			Assumptions.abort(reason);
			throw new AssertionError("unreachable");
		}

		private static boolean dockerAvailable() {
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (Throwable ex) {
				return false;
			}
		}

		private static synchronized String containerUrl(TestDatabaseType type) {
			if (type == TestDatabaseType.POSTGRESQL) {
				if (postgres == null) {
					postgres = new PostgreSQLContainer("postgres:15");
					postgres.start();
				}
				return postgres.getJdbcUrl() + "&user=" + postgres.getUsername() + "&password=" + postgres.getPassword();
			}
			if (mariadb == null) {
				mariadb = new MariaDBContainer("mariadb:10.11").withUsername("root");
				mariadb.start();
			}
			String url = mariadb.getJdbcUrl();
			return url + (url.contains("?") ? "&" : "?") + "user=root&password=" + mariadb.getPassword();
		}

		/** Replaces the database in a URL such as {@code jdbc:postgresql://host:5432/postgres?user=x}. */
		static String withDatabase(String url, String database) {
			int hostStart = url.indexOf("//") + 2;
			int pathStart = url.indexOf('/', hostStart);
			int query = url.indexOf('?', hostStart);
			String authority = url.substring(0, (pathStart >= 0) ? pathStart : (query >= 0) ? query : url.length());
			String parameters = (query >= 0) ? url.substring(query) : "";
			return authority + "/" + database + parameters;
		}

		static String redacted(String url) {
			return url.replaceAll("password=[^&;]*", "password=***");
		}

	}

}
