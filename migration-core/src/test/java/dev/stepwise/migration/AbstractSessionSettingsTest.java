package dev.stepwise.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.migration.api.LockTimeoutException;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.lock.RunLock;
import dev.stepwise.migration.testsupport.Scripts;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine borrows the application's pooled connections: every session setting it
 * changes (lock timeouts, the PostgreSQL client connection check, auto-commit) goes back
 * before a connection returns to the pool, on every path, failures included. The pool
 * here has exactly the two connections a run holds, so the test reads both.
 */
abstract class AbstractSessionSettingsTest {

	@TempDir
	Path folder;

	Scripts scripts;

	private HikariDataSource pool;

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	/** A query of one row and one column: the session settings the engine may touch. */
	abstract String settingsQuery();

	@BeforeEach
	void pool(TestDatabase database) {
		this.database = database;
		database.reset();
		this.scripts = new Scripts(this.folder);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.database.url());
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(2);
		this.pool = new HikariDataSource(config);
	}

	@AfterEach
	void closePool() {
		this.pool.close();
	}

	StepwiseConfiguration.Builder configure() {
		return Stepwise.configure().dataSource(this.pool).locations(this.scripts.location());
	}

	@Test
	void aFailedLockAcquireLeavesThePooledConnectionsAsTheyWere() throws Exception {
		this.scripts.write("V1__create.sql", "CREATE TABLE t1 (id INT)");
		List<String> before = settingsOfEveryPooledConnection();
		try (Connection connection = this.database.dataSource().getConnection()) {
			Dialect dialect = Dialect.of(connection);
			try (RunLock held = RunLock.acquire(this.database.dataSource(), dialect, dialect.currentSchema(connection),
					"stepwise_history", Duration.ofSeconds(5))) {
				assertThatThrownBy(() -> configure().lockWaitTimeout(Duration.ofMillis(300)).load().migrate())
					.isInstanceOf(LockTimeoutException.class);
			}
		}
		assertThat(settingsOfEveryPooledConnection()).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void aFailedMigrationLeavesThePooledConnectionsAsTheyWere() {
		this.scripts.write("V1__create.sql", "CREATE TABLE t1 (id INT)");
		this.scripts.write("V2__broken.sql", "CREATE TABLE t2 (id INT);\nSELEC 1;");
		List<String> before = settingsOfEveryPooledConnection();
		assertThatThrownBy(() -> configure().load().migrate()).isInstanceOf(MigrationFailedException.class);
		assertThat(settingsOfEveryPooledConnection()).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void aSuccessfulRunLeavesThePooledConnectionsAsTheyWere() {
		this.scripts.write("V1__create.sql", "CREATE TABLE t1 (id INT)");
		List<String> before = settingsOfEveryPooledConnection();
		configure().load().migrate();
		assertThat(settingsOfEveryPooledConnection()).containsExactlyInAnyOrderElementsOf(before);
	}

	/** Reads the settings of both pooled connections at once, so each is read once. */
	List<String> settingsOfEveryPooledConnection() {
		List<String> settings = new ArrayList<>();
		try (Connection first = this.pool.getConnection(); Connection second = this.pool.getConnection()) {
			for (Connection connection : List.of(first, second)) {
				try (Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery(settingsQuery())) {
					result.next();
					settings.add(result.getString(1) + "|autocommit=" + connection.getAutoCommit());
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return settings;
	}

	HikariDataSource pooled() {
		return this.pool;
	}

}
