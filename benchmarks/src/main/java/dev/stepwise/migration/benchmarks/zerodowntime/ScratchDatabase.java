package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away database on the benchmark's server (PostgreSQL from
 * {@code STEPWISE_BENCH_POSTGRES_URL}, MariaDB from {@code STEPWISE_BENCH_MARIADB_URL}, by
 * default the local ones), created empty and dropped at the end.
 */
final class ScratchDatabase implements AutoCloseable {

	private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/]+/)([^?]*)(.*)");

	private final Vendor vendor;

	private final String adminUrl;

	private final String name;

	private final String url;

	private ScratchDatabase(Vendor vendor, String adminUrl, String name, String url) {
		this.vendor = vendor;
		this.adminUrl = adminUrl;
		this.name = name;
		this.url = url;
	}

	static ScratchDatabase create(Vendor vendor) throws SQLException {
		String configured = System.getenv(vendor.urlVariable());
		String adminUrl = (configured != null && !configured.isBlank()) ? configured : vendor.defaultUrl();
		Matcher parts = URL.matcher(adminUrl);
		if (!parts.matches()) {
			throw new IllegalArgumentException(vendor.urlVariable() + " must look like " + vendor.defaultUrl() + ", not "
					+ adminUrl);
		}
		String name = "stepwise_zdbench_" + ProcessHandle.current().pid();
		ScratchDatabase database = new ScratchDatabase(vendor, adminUrl, name, parts.group(1) + name + parts.group(3));
		database.admin(vendor.dropDatabase(name));
		database.admin("CREATE DATABASE " + name);
		return database;
	}

	String url() {
		return this.url;
	}

	Vendor vendor() {
		return this.vendor;
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

	/** Brings the server to rest before a timed phase on a table ({@link Vendor#settle}). */
	void settle(String table) throws SQLException {
		try (Connection connection = connect()) {
			this.vendor.settle(connection, table);
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
		admin(this.vendor.dropDatabase(this.name));
	}

	private void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
