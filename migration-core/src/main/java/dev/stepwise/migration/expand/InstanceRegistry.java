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

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.api.SchemaMovedOnException;
import dev.stepwise.migration.internal.dialect.Instants;
import dev.stepwise.migration.internal.dialect.StateTables;
import dev.stepwise.migration.internal.jdbc.Transactions;
import dev.stepwise.migration.internal.lock.RunLock;
import org.jspecify.annotations.Nullable;

/**
 * The running application instances, in {@code stepwise_instances}: each registers with
 * the highest migration version its code contains, beats while it runs and deregisters
 * when it stops. A contract of an expand made by version V runs only when every live
 * instance contains V, since an older one still reads and writes the old column.
 * <p>
 * Every time is the database's clock, so instances on hosts with skewed clocks agree on
 * who is silent.
 * <p>
 * A contract makes its last decision and drops under the registry's lock, which
 * registration takes too: an instance registers either before that decision (and the
 * contract defers) or after the drop, and is then refused with a
 * {@link SchemaMovedOnException} if its code predates the contracted expand.
 */
public final class InstanceRegistry {

	static final String TABLE = StateTables.INSTANCES;

	/** How long an instance may stay silent before it counts as gone, unless configured. */
	public static final Duration DEFAULT_STALENESS = Duration.ofMinutes(2);

	/** How long a registration waits for a contract that is deciding or dropping, unless configured. */
	public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

	private final DataSource dataSource;

	private final DatabaseType type;

	private final StateTables tables;

	private final String table;

	private final ExpansionStore expansions;

	private Duration lockWait = DEFAULT_LOCK_WAIT;

	/**
	 * A registry in the connection's schema.
	 * @param dataSource the database
	 * @param type the database type
	 */
	public InstanceRegistry(DataSource dataSource, DatabaseType type) {
		this(dataSource, type, null);
	}

	/**
	 * @param dataSource the database
	 * @param type the database type
	 * @param schema the schema of the state tables ({@code stepwise.schema}), {@code null}
	 * for the connection's
	 */
	public InstanceRegistry(DataSource dataSource, DatabaseType type, @Nullable String schema) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		this.type = Objects.requireNonNull(type, "type must not be null");
		this.tables = StateTables.of(type, schema);
		this.table = this.tables.qualified(TABLE);
		this.expansions = new ExpansionStore(this.tables);
	}

	/**
	 * How long a registration waits for a contract that holds the registry's lock while it
	 * decides and drops (default 60 s, the engine passes its lock wait timeout).
	 * @param wait the wait
	 * @return this
	 */
	public InstanceRegistry lockWait(Duration wait) {
		this.lockWait = Objects.requireNonNull(wait, "lockWait must not be null");
		return this;
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
		// Under the lock a contract decides and drops under: either this row is there when it
		// decides (and it defers), or the drop is committed when this looks (and it refuses).
		try (RunLock lock = lock(); Connection connection = this.dataSource.getConnection()) {
			this.tables.createIfAbsent(connection, TABLE);
			refuseIfContractedPast(connection, instanceId, host, maxVersion);
			Transactions.run(connection, () -> {
				delete(connection, instanceId);
				try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.table
						+ " (instance_id, host, max_version, started_at, heartbeat_at) VALUES (?, ?, ?, " + now() + ", "
						+ now() + ")")) {
					statement.setString(1, instanceId);
					statement.setString(2, host);
					statement.setString(3, maxVersion.toString());
					statement.executeUpdate();
				}
			});
		}
	}

	/**
	 * Takes the registry's lock, which contracts hold from their last decision to their
	 * drop, and registrations while they check and insert.
	 */
	RunLock lock() throws SQLException {
		String schema = this.tables.schema();
		if (schema == null) {
			try (Connection connection = this.dataSource.getConnection()) {
				schema = this.tables.dialect().currentSchema(connection);
			}
		}
		return RunLock.acquire(this.dataSource, this.tables.dialect(), schema, TABLE, this.lockWait);
	}

	private void refuseIfContractedPast(Connection connection, String instanceId, String host,
			MigrationVersion maxVersion) throws SQLException {
		if (!this.expansions.exists(connection)) {
			return;
		}
		List<String> dropped = new ArrayList<>();
		for (ExpansionRecord expansion : this.expansions.all(connection)) {
			if (expansion.state() == ExpansionState.CONTRACTED
					&& MigrationVersion.parse(expansion.expandVersion()).isNewerThan(maxVersion)) {
				dropped.add(expansion.table() + "." + expansion.oldColumn() + " (expanded by version "
						+ expansion.expandVersion() + ", change " + expansion.id() + ")");
			}
		}
		if (!dropped.isEmpty()) {
			throw new SchemaMovedOnException("Instance " + instanceId + " on " + host + " cannot start: its code"
					+ " (migrations up to version " + maxVersion + ") predates contracts that have already dropped "
					+ String.join(", ", dropped) + ", so the schema has moved on and this code would fail on it."
					+ " Deploy a release whose migrations include those versions; to run this release again, first undo"
					+ " those contracts (roll back the migrations that contracted them, or undoContract(id)).");
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
			// A beat reads and updates only: without the table there is no row to beat, so register again.
			if (!this.tables.exists(connection, TABLE)) {
				return false;
			}
			try (PreparedStatement statement = connection
				.prepareStatement("UPDATE " + this.table + " SET heartbeat_at = " + now() + " WHERE instance_id = ?")) {
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
			if (this.tables.exists(connection, TABLE)) {
				delete(connection, instanceId);
			}
		}
	}

	/**
	 * Every registered instance, live or silent.
	 * @return the instances, by id
	 * @throws SQLException if the registry cannot be read
	 */
	public List<RegisteredInstance> instances() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return instances(connection);
		}
	}

	private List<RegisteredInstance> instances(Connection connection) throws SQLException {
		List<RegisteredInstance> instances = new ArrayList<>();
		if (!this.tables.exists(connection, TABLE)) {
			return instances;
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT instance_id, host, max_version, started_at, heartbeat_at, "
						+ now() + " FROM " + this.table + " ORDER BY instance_id")) {
			while (rows.next()) {
				Instant heartbeat = instant(rows, 5);
				instances.add(new RegisteredInstance(rows.getString(1), rows.getString(2),
						MigrationVersion.parse(rows.getString(3)), instant(rows, 4), heartbeat,
						Duration.between(heartbeat, instant(rows, 6))));
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
		try (Connection connection = this.dataSource.getConnection()) {
			return decideContract(connection, expandVersion, staleness);
		}
	}

	/** {@link #decideContract(MigrationVersion, Duration)} on a connection the caller holds. */
	ContractDecision decideContract(Connection connection, MigrationVersion expandVersion, Duration staleness)
			throws SQLException {
		List<RegisteredInstance> waiting = new ArrayList<>();
		for (RegisteredInstance instance : instances(connection)) {
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

	private Instant instant(ResultSet rows, int index) throws SQLException {
		return Objects.requireNonNull(Instants.get(this.type, rows, index));
	}

	private void delete(Connection connection, String instanceId) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + this.table + " WHERE instance_id = ?")) {
			statement.setString(1, instanceId);
			statement.executeUpdate();
		}
	}

	/** The database's clock; on MySQL/MariaDB in UTC with milliseconds, as the column keeps them. */
	private String now() {
		return Instants.now(this.type);
	}

}
