package dev.stepwise.migration.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the benchmarks run on, where they create a throw-away database per
 * round. Its URL comes from {@value #URL_VARIABLE}, by default the local server.
 */
final class PostgresServer {

	static final String URL_VARIABLE = "STEPWISE_BENCH_POSTGRES_URL";

	private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

	private final String adminUrl;

	private final String serverPart;

	private final String parameters;

	private PostgresServer(String adminUrl) {
		Matcher parts = URL.matcher(adminUrl);
		if (!parts.matches()) {
			throw new IllegalArgumentException(URL_VARIABLE + " must look like " + DEFAULT_URL + ", not " + adminUrl);
		}
		this.adminUrl = adminUrl;
		this.serverPart = parts.group(1);
		this.parameters = parts.group(3);
	}

	static PostgresServer fromEnvironment() {
		String url = System.getenv(URL_VARIABLE);
		return new PostgresServer((url != null && !url.isBlank()) ? url : DEFAULT_URL);
	}

	/** The JDBC URL of a database on this server, with the admin URL's parameters. */
	String url(String database) {
		return this.serverPart + database + this.parameters;
	}

	/** Drops the database if it exists and creates it empty. */
	void recreate(String database) throws SQLException {
		drop(database);
		admin("CREATE DATABASE " + database);
	}

	void drop(String database) throws SQLException {
		admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
	}

	private void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
