package dev.stepwise.migration.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * A scratch database created for one comparison on the configured server, and dropped by
 * {@link #close()} (Prisma's shadow database): the schema built there is spelled exactly as
 * that server spells it. On H2 it is a private in-memory database, with the H2 URL's
 * compatibility settings ({@code MODE}, case rules).
 * <p>
 * The configured user needs the right to create and drop databases.
 */
public final class ShadowDatabase implements AutoCloseable {

	private static final Pattern H2_SETTING = Pattern.compile(
			";((?:MODE|DATABASE_TO_LOWER|DATABASE_TO_UPPER|CASE_INSENSITIVE_IDENTIFIERS|NON_KEYWORDS|DEFAULT_NULL_ORDERING)=[^;]*)",
			Pattern.CASE_INSENSITIVE);

	private final DatabaseType type;

	private final String serverUrl;

	private final String name;

	private final String url;

	private final Connector connector;

	private final DataSource dataSource;

	private ShadowDatabase(DatabaseType type, String serverUrl, String name, String url, Connector connector) {
		this.type = type;
		this.serverUrl = serverUrl;
		this.name = name;
		this.url = url;
		this.connector = connector;
		this.dataSource = connector.connect(url);
	}

	/**
	 * Creates an empty shadow database on the server of a JDBC URL.
	 * @param serverUrl the configured database's URL
	 * @param connector opens a DataSource on a URL, with the configured credentials
	 * @return the shadow database
	 * @throws IllegalStateException when the database cannot be created
	 */
	public static ShadowDatabase create(String serverUrl, Connector connector) {
		DatabaseType type = typeOf(serverUrl);
		String name = "stepwise_shadow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (type == DatabaseType.H2) {
			StringBuilder url = new StringBuilder("jdbc:h2:mem:").append(name).append(";DB_CLOSE_DELAY=-1");
			Matcher settings = H2_SETTING.matcher(serverUrl);
			while (settings.find()) {
				url.append(';').append(settings.group(1));
			}
			return new ShadowDatabase(type, serverUrl, name, url.toString(), connector);
		}
		try (Connection connection = connector.connect(serverUrl).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the shadow database " + name + " on "
					+ String.valueOf(CredentialMask.mask(serverUrl)) + ": the user needs the right to create databases (" + ex.getMessage()
					+ ")", ex);
		}
		return new ShadowDatabase(type, serverUrl, name, withDatabase(serverUrl, name), connector);
	}

	/** The database a JDBC URL points at. */
	public static DatabaseType typeOf(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:postgresql:")) {
			return DatabaseType.POSTGRESQL;
		}
		if (lower.startsWith("jdbc:mariadb:")) {
			return DatabaseType.MARIADB;
		}
		if (lower.startsWith("jdbc:mysql:")) {
			return DatabaseType.MYSQL;
		}
		if (lower.startsWith("jdbc:h2:")) {
			return DatabaseType.H2;
		}
		throw new IllegalArgumentException("A shadow database needs a PostgreSQL, MariaDB, MySQL or H2 URL, not "
				+ String.valueOf(CredentialMask.mask(url)));
	}

	/** Replaces the database in {@code jdbc:postgresql://host:5432/app?user=x}. */
	static String withDatabase(String url, String database) {
		int hostStart = url.indexOf("//") + 2;
		int pathStart = url.indexOf('/', hostStart);
		int query = url.indexOf('?', hostStart);
		if (pathStart > query && query >= 0) {
			pathStart = -1;
		}
		String authority = url.substring(0, (pathStart >= 0) ? pathStart : (query >= 0) ? query : url.length());
		String parameters = (query >= 0) ? url.substring(query) : "";
		return authority + "/" + database + parameters;
	}

	public DatabaseType type() {
		return this.type;
	}

	/** The shadow database's name. */
	public String name() {
		return this.name;
	}

	/** Its JDBC URL (with the credentials the configured URL carries, if any). */
	public String url() {
		return this.url;
	}

	/** A DataSource on it. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** Drops the shadow database. */
	@Override
	public void close() {
		if (this.type == DatabaseType.H2) {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				// Gone already.
			}
			return;
		}
		try (Connection connection = this.connector.connect(this.serverUrl).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.name
					+ ((this.type == DatabaseType.POSTGRESQL) ? " WITH (FORCE)" : ""));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop the shadow database " + this.name + " on "
					+ String.valueOf(CredentialMask.mask(this.serverUrl)) + "; drop it by hand (" + ex.getMessage() + ")", ex);
		}
	}

	/** Opens a DataSource on a JDBC URL with the configured credentials and drivers. */
	@FunctionalInterface
	public interface Connector {

		DataSource connect(String url);

		/**
		 * Connects through {@code java.sql.DriverManager}, as the engine does for a URL.
		 * @param user the user, or {@code null} when the URL carries it
		 * @param password the password, or {@code null}
		 * @return the connector
		 */
		static Connector driverManager(@Nullable String user, @Nullable String password) {
			return (url) -> Stepwise.configure().dataSource(url, user, password).build().dataSource();
		}

	}

}
