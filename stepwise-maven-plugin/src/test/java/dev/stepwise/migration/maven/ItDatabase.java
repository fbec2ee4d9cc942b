package dev.stepwise.migration.maven;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh database for one invoker build on the test server, created by its prebuild hook
 * and dropped by its verify hook. The build gets its URL as {@code -Dstepwise.url} through
 * the build's {@code test.properties}.
 */
public final class ItDatabase {

	private static final String STATE = "it-database.properties";

	private ItDatabase() {
	}

	public static void create(java.io.File basedir, String variable) throws SQLException, IOException {
		String adminUrl = System.getenv(variable);
		if (adminUrl == null || adminUrl.isBlank()) {
			throw new IllegalStateException(variable + " is not set, and STEPWISE_TEST_REQUIRE_DATABASES=true forbids"
					+ " skipping this build: set it to a JDBC URL of a server where tests may create databases");
		}
		String name = "stepwise_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(adminUrl, "CREATE DATABASE " + name);
		Properties test = new Properties();
		test.setProperty("stepwise.url", withDatabase(adminUrl, name));
		try (Writer out = Files.newBufferedWriter(basedir.toPath().resolve("test.properties"))) {
			test.store(out, "written by prebuild.groovy");
		}
		Properties state = new Properties();
		state.setProperty("adminUrl", adminUrl);
		state.setProperty("name", name);
		try (Writer out = Files.newBufferedWriter(basedir.toPath().resolve(STATE))) {
			state.store(out, "dropped by verify.groovy");
		}
	}

	public static void drop(java.io.File basedir) throws SQLException, IOException {
		Path file = basedir.toPath().resolve(STATE);
		if (!Files.exists(file)) {
			return;
		}
		Properties state = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			state.load(in);
		}
		String adminUrl = state.getProperty("adminUrl");
		String name = state.getProperty("name");
		execute(adminUrl, "DROP DATABASE IF EXISTS " + name + (adminUrl.startsWith("jdbc:postgresql:") ? " WITH (FORCE)" : ""));
	}

	private static void execute(String url, String sql) throws SQLException {
		Driver driver = url.startsWith("jdbc:postgresql:") ? new org.postgresql.Driver() : new org.mariadb.jdbc.Driver();
		try (Connection connection = driver.connect(url, new Properties());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
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

}
