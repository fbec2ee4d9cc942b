package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stepwise.migration.java.BaseJavaMigration;
import dev.stepwise.migration.java.MigrationContext;
import dev.stepwise.migration.testsupport.Sql;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Stepwise.configure().dataSource(url, user, password)} reuses its connections
 * within a run: a backfill's batches share one server session instead of opening one each,
 * nothing stays open after the run, and a connection the server dropped is replaced. The
 * server itself tells which session ran each batch.
 */
abstract class AbstractReusedConnectionsTest {

	private static final int ROWS = 2000;

	private static final int BATCH = 20;

	abstract TestDatabaseExtension database();

	/** This database's driver, as a tool that found it in a class loader of its own gives it. */
	abstract Driver driver();

	/** An SQL expression: the id of the server session that evaluates it. */
	abstract String sessionId();

	/** Ends another session, as a proxy's idle timeout or a failover does. */
	abstract String kill(long sessionId);

	/** The query of how many of the given sessions are still alive. */
	abstract String aliveSessions(String sessionIds);

	private Sql sql() {
		return new Sql(database().dataSource());
	}

	@BeforeEach
	void people() {
		database().database().reset();
		sql().execute("CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(50), seen_by BIGINT)");
		List<String> values = new ArrayList<>();
		for (int i = 1; i <= ROWS; i++) {
			values.add("(" + i + ", 'name " + i + "', NULL)");
		}
		sql().execute("INSERT INTO people (id, name, seen_by) VALUES " + String.join(", ", values));
	}

	@Test
	void everyBatchOfABackfillRunsOnOneServerSessionAndNoneStaysOpenAfterTheRun() throws Exception {
		assertOneSessionForAllBatches(Stepwise.configure().dataSource(database().database().url(), null, null));
	}

	@Test
	void throughAGivenDriverTooEveryBatchRunsOnOneServerSessionAndNoneStaysOpenAfterTheRun() throws Exception {
		// The command line and the Maven plugin: a driver found in the project's class loader.
		assertOneSessionForAllBatches(Stepwise.configure().dataSource(driver(), database().database().url(), null, null));
	}

	@Test
	void aGivenDriverGetsTheUserAndPasswordGivenApartFromTheUrl() throws Exception {
		String url = database().database().url();
		String user = parameter(url, "user");
		Stepwise stepwise = Stepwise.configure()
			.dataSource(driver(), url.replaceAll("user=[^&]*&?", "").replaceAll("[?&]$", ""), user, null)
			.locations("classpath:db/none")
			.load();
		assertThat(stepwise.info().currentVersion()).isNull();
		try (Connection connection = stepwise.configuration().dataSource().getConnection()) {
			assertThat(connection.getMetaData().getUserName()).isEqualTo(user);
		}
	}

	private void assertOneSessionForAllBatches(StepwiseConfiguration.Builder builder) throws Exception {
		Stepwise stepwise = builder.locations("classpath:db/none")
			// The table is there before the history: the migration adopts it.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.javaMigrations(new V1__Record_sessions(sessionId()))
			.load();
		stepwise.migrate();
		ReusingDataSource dataSource = (ReusingDataSource) stepwise.configuration().dataSource();
		assertThat(sql().count("SELECT COUNT(*) FROM people WHERE seen_by IS NULL")).isZero();
		List<String> sessions = sql().column("SELECT DISTINCT seen_by FROM people");
		// Before reuse, each of the hundred batches had a session of its own.
		assertThat(sessions).hasSize(1);
		assertThat(dataSource.connectionsLent()).isGreaterThanOrEqualTo(ROWS / BATCH);
		// The run's session and lock, and the batches' connection.
		assertThat(dataSource.physicalConnectionsOpened()).isLessThanOrEqualTo(3);
		assertThat(dataSource.idleConnections()).isZero();
		awaitGone(String.join(", ", sessions));
	}

	@Test
	void anIdleConnectionTheServerDroppedIsReplaced() throws Exception {
		ReusingDataSource dataSource = new ReusingDataSource(PhysicalConnections.driverManager(), database().database().url(), null, null,
				Duration.ZERO);
		// The run's session: while it is out, closed connections stay for reuse.
		try (Connection session = dataSource.getConnection()) {
			long dropped;
			try (Connection connection = dataSource.getConnection()) {
				dropped = id(connection);
			}
			sql().execute(kill(dropped));
			awaitGone(Long.toString(dropped));
			try (Connection connection = dataSource.getConnection()) {
				assertThat(id(connection)).isNotEqualTo(dropped);
			}
			assertThat(dataSource.physicalConnectionsOpened()).isEqualTo(3);
		}
	}

	@Test
	void aConnectionThatFailedACallIsClosedNotReused() throws Exception {
		ReusingDataSource dataSource = new ReusingDataSource(PhysicalConnections.driverManager(), database().database().url(), null, null);
		try (Connection session = dataSource.getConnection()) {
			long dropped;
			try (Connection connection = dataSource.getConnection()) {
				dropped = id(connection);
				sql().execute(kill(dropped));
				awaitGone(Long.toString(dropped));
				assertThatThrownBy(() -> id(connection)).isInstanceOf(SQLException.class);
			}
			try (Connection connection = dataSource.getConnection()) {
				assertThat(id(connection)).isNotEqualTo(dropped);
			}
		}
	}

	@Test
	void whatALeaseLeftOpenDoesNotReachTheNextOne() throws Exception {
		ReusingDataSource dataSource = new ReusingDataSource(PhysicalConnections.driverManager(), database().database().url(), null, null);
		try (Connection session = dataSource.getConnection()) {
			long first;
			try (Connection connection = dataSource.getConnection()) {
				first = id(connection);
				connection.setAutoCommit(false);
				connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate("UPDATE people SET name = 'uncommitted' WHERE id = 1");
				}
			}
			try (Connection connection = dataSource.getConnection()) {
				assertThat(id(connection)).isEqualTo(first);
				assertThat(connection.getAutoCommit()).isTrue();
				assertThat(connection.getTransactionIsolation()).isNotEqualTo(Connection.TRANSACTION_SERIALIZABLE);
			}
			assertThat(dataSource.physicalConnectionsOpened()).isEqualTo(2);
		}
		assertThat(sql().column("SELECT name FROM people WHERE id = 1")).containsExactly("name 1");
		assertThat(dataSource.idleConnections()).isZero();
	}

	@Test
	void aClosedLeaseRefusesCallsAndGivesItsConnectionBackOnce() throws Exception {
		ReusingDataSource dataSource = new ReusingDataSource(PhysicalConnections.driverManager(), database().database().url(), null, null);
		try (Connection session = dataSource.getConnection()) {
			Connection lease = dataSource.getConnection();
			long first = id(lease);
			lease.close();
			lease.close();
			assertThat(lease.isClosed()).isTrue();
			assertThatThrownBy(lease::createStatement).isInstanceOf(SQLException.class)
				.extracting((ex) -> ((SQLException) ex).getSQLState())
				.isEqualTo("08003");
			// Given back twice, it would be lent to both of these.
			try (Connection next = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
				assertThat(id(next)).isEqualTo(first);
				assertThat(id(other)).isNotEqualTo(first);
			}
			assertThat(dataSource.physicalConnectionsOpened()).isEqualTo(3);
		}
		assertThat(dataSource.idleConnections()).isZero();
	}

	private long id(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT " + sessionId())) {
			result.next();
			return result.getLong(1);
		}
	}

	private static String parameter(String url, String name) {
		Matcher matcher = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url);
		assertThat(matcher.find()).as("%s in the test URL", name).isTrue();
		return matcher.group(1);
	}

	/** A closed session leaves the server's list a moment after its client lets go. */
	private void awaitGone(String sessionIds) throws InterruptedException {
		for (int i = 0; i < 100 && sql().count(aliveSessions(sessionIds)) > 0; i++) {
			Thread.sleep(50);
		}
		assertThat(sql().count(aliveSessions(sessionIds))).as("sessions %s still open", sessionIds).isZero();
	}

	/** Writes into each row the id of the server session whose batch wrote it, 20 rows a batch. */
	static final class V1__Record_sessions extends BaseJavaMigration {

		private final String sessionId;

		V1__Record_sessions(String sessionId) {
			this.sessionId = sessionId;
		}

		@Override
		public void up(MigrationContext context) throws Exception {
			context.backfill("people")
				.set("seen_by", this.sessionId)
				.initialBatchSize(BATCH)
				.maximumBatchSize(BATCH)
				.run();
		}

	}

}
