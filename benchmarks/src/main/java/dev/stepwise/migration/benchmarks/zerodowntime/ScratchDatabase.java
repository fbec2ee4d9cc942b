package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away database on the benchmark's PostgreSQL server (from
 * {@value #URL_VARIABLE}, by default the local one), created empty and dropped at the end.
 */
final class ScratchDatabase implements AutoCloseable {

	static final String URL_VARIABLE = "STEPWISE_BENCH_POSTGRES_URL";

	private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

	private final String adminUrl;

	private final String name;

	private final String url;

	private ScratchDatabase(String adminUrl, String name, String url) {
		this.adminUrl = adminUrl;
		this.name = name;
		this.url = url;
	}

	static ScratchDatabase create() throws SQLException {
		String configured = System.getenv(URL_VARIABLE);
		String adminUrl = (configured != null && !configured.isBlank()) ? configured : DEFAULT_URL;
		Matcher parts = URL.matcher(adminUrl);
		if (!parts.matches()) {
			throw new IllegalArgumentException(URL_VARIABLE + " must look like " + DEFAULT_URL + ", not " + adminUrl);
		}
		String name = "stepwise_zdbench_" + ProcessHandle.current().pid();
		ScratchDatabase database = new ScratchDatabase(adminUrl, name, parts.group(1) + name + parts.group(3));
		database.admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		database.admin("CREATE DATABASE " + name);
		return database;
	}

	String url() {
		return this.url;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url);
	}

	/** Runs statements in autocommit, one after the other. */
	void execute(String... statements) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	long queryLong(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	String queryString(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			if (!rows.next()) {
				throw new IllegalStateException("No row from " + sql);
			}
			return rows.getString(1);
		}
	}

	@Override
	public void close() throws SQLException {
		admin("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	private void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
