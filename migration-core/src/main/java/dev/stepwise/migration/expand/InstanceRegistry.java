package dev.stepwise.migration.expand;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.stepwise.migration.dialect.DatabaseType;
import dev.stepwise.migration.version.MigrationVersion;

/**
 * The running application instances, in {@code stepwise_instances}: each registers with
 * the highest migration version its code contains, beats while it runs and deregisters
 * when it stops. A contract of an expand made by version V runs only when every live
 * instance contains V, since an older one still reads and writes the old column.
 * <p>
 * Every time is the database's clock, so instances on hosts with skewed clocks agree on
 * who is silent.
 */
public final class InstanceRegistry {

	static final String TABLE = "stepwise_instances";

	/** How long an instance may stay silent before it counts as gone, unless configured. */
	public static final Duration DEFAULT_STALENESS = Duration.ofMinutes(2);

	private final DataSource dataSource;

	private final DatabaseType type;

	/**
	 * @param dataSource the database
	 * @param type the database type
	 */
	public InstanceRegistry(DataSource dataSource, DatabaseType type) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		this.type = Objects.requireNonNull(type, "type must not be null");
	}

	/**
	 * Registers (or registers again) an instance, with a first heartbeat.
	 * @param instanceId a unique id of the instance, at most 100 characters
	 * @param host the host it runs on
	 * @param maxVersion the highest migration version its code contains
	 * @throws SQLException if the registry cannot be written
	 */
	public void register(String instanceId, String host, MigrationVersion maxVersion) throws SQLException {
		if (instanceId.isBlank() || instanceId.length() > 100) {
			throw new IllegalArgumentException("instanceId must have 1 to 100 characters: '" + instanceId + "'");
		}
		try (Connection connection = this.dataSource.getConnection()) {
			createIfMissing(connection);
			DdlRunner.inTransaction(connection, () -> {
				delete(connection, instanceId);
				try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + TABLE
						+ " (instance_id, host, max_version, started_at, heartbeat_at) VALUES (?, ?, ?, " + now() + ", " + now() + ")")) {
					statement.setString(1, instanceId);
					statement.setString(2, host);
					statement.setString(3, maxVersion.toString());
					statement.executeUpdate();
				}
			});
		}
	}

	/**
	 * Records that an instance is alive.
	 * @param instanceId the instance
	 * @return {@code false} if the instance is not registered (register it again)
	 * @throws SQLException if the registry cannot be written
	 */
	public boolean heartbeat(String instanceId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			createIfMissing(connection);
			try (PreparedStatement statement = connection
				.prepareStatement("UPDATE " + TABLE + " SET heartbeat_at = " + now() + " WHERE instance_id = ?")) {
				statement.setString(1, instanceId);
				return statement.executeUpdate() == 1;
			}
		}
	}

	/**
	 * Removes an instance, as it stops.
	 * @param instanceId the instance
	 * @throws SQLException if the registry cannot be written
	 */
	public void deregister(String instanceId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			createIfMissing(connection);
			delete(connection, instanceId);
		}
	}

	/**
	 * Every registered instance, live or silent.
	 * @return the instances, by id
	 * @throws SQLException if the registry cannot be read
	 */
	public List<RegisteredInstance> instances() throws SQLException {
		List<RegisteredInstance> instances = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			createIfMissing(connection);
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT instance_id, host, max_version, started_at, heartbeat_at, "
							+ now() + " FROM " + TABLE + " ORDER BY instance_id")) {
				while (rows.next()) {
					Instant heartbeat = rows.getTimestamp(5).toInstant();
					instances.add(new RegisteredInstance(rows.getString(1), rows.getString(2),
							MigrationVersion.parse(rows.getString(3)), rows.getTimestamp(4).toInstant(), heartbeat,
							Duration.between(heartbeat, rows.getTimestamp(6).toInstant())));
				}
			}
		}
		return instances;
	}

	/**
	 * Decides whether the contract of an expand made by {@code expandVersion} may run: it
	 * may when no live instance (heartbeat within {@code staleness}) has code older than
	 * that version.
	 * @param expandVersion the version of the migration that expanded
	 * @param staleness the silence after which an instance counts as gone
	 * @return the decision, with the instances it waits for
	 * @throws SQLException if the registry cannot be read
	 */
	public ContractDecision decideContract(MigrationVersion expandVersion, Duration staleness) throws SQLException {
		List<RegisteredInstance> waiting = new ArrayList<>();
		for (RegisteredInstance instance : instances()) {
			boolean live = instance.silence().compareTo(staleness) <= 0;
			if (live && expandVersion.isNewerThan(instance.maxVersion())) {
				waiting.add(instance);
			}
		}
		return ContractDecision.waitFor(waiting);
	}

	/** The name of this host, for {@link #register}; {@code unknown} if it has none. */
	public static String localHost() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

	private void createIfMissing(Connection connection) throws SQLException {
		String timestamp = switch (this.type) {
			case POSTGRESQL -> "TIMESTAMP WITH TIME ZONE";
			case MYSQL, MARIADB -> "DATETIME(3)";
			case H2 -> "TIMESTAMP WITH TIME ZONE";
		};
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (instance_id VARCHAR(100) NOT NULL PRIMARY KEY,"
					+ " host VARCHAR(255) NOT NULL, max_version VARCHAR(100) NOT NULL, started_at " + timestamp + " NOT NULL,"
					+ " heartbeat_at " + timestamp + " NOT NULL)");
		}
	}

	private void delete(Connection connection, String instanceId) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE instance_id = ?")) {
			statement.setString(1, instanceId);
			statement.executeUpdate();
		}
	}

	/** The database's clock; on MySQL/MariaDB with milliseconds, as the column keeps them. */
	private String now() {
		return this.type.isMySqlFamily() ? "CURRENT_TIMESTAMP(3)" : "CURRENT_TIMESTAMP";
	}

}
