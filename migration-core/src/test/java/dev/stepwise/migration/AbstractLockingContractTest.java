package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.LockTimeoutException;
import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.lock.RunLock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run lock and the DDL lock timeout, on every database: a second run waits a bounded
 * time and names the holder; DDL gives up on a table lock rather than queue behind a long
 * transaction, names the blocker, and succeeds when the blocker commits during its retries.
 */
abstract class AbstractLockingContractTest extends AbstractEmptyDatabaseTest {

	/** How the database describes the session that blocks. */
	abstract String blockerWord();

	@Test
	void secondRunWaitsABoundedTimeAndNamesTheHolder() throws Exception {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY)");
		Dialect dialect;
		String schema;
		try (Connection connection = this.database.dataSource().getConnection()) {
			dialect = Dialect.of(connection);
			schema = dialect.currentSchema(connection);
		}
		try (RunLock held = RunLock.acquire(this.database.dataSource(), dialect, schema, "stepwise_history",
				Duration.ofSeconds(5))) {
			assertThatThrownBy(() -> configure().lockWaitTimeout(Duration.ofMillis(600)).load().migrate())
				.isInstanceOf(LockTimeoutException.class)
				.hasMessageContaining("within 600 ms")
				.hasMessageContaining(blockerWord())
				.hasMessageContaining("stepwise.lock-wait-timeout");
			assertThat(this.sql.tableExists("users")).isFalse();
		}
		assertThat(configure().load().migrate().applied()).hasSize(1);
	}

	@Test
	void ddlGivesUpOnABlockedTableAfterItsRetriesAndNamesTheBlocker() throws Exception {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
		configure().load().migrate();
		this.scripts.write("V2__add_name.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(50)");
		try (Connection blocker = this.database.dataSource().getConnection()) {
			holdLockOnUsers(blocker);
			Stepwise impatient = configure().ddlLockTimeout(Duration.ofMillis(200))
				.ddlRetries(2)
				.ddlRetryBackoff(Duration.ofMillis(50))
				.load();
			assertThatThrownBy(impatient::migrate).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("V2__add_name.sql (version 2)")
				.hasMessageContaining("could not get a lock")
				.hasMessageContaining("3 times")
				.hasMessageContaining("Blocked by " + blockerWord())
				.hasMessageContaining("stepwise.ddl-lock-timeout");
			blocker.rollback();
		}
		assertThat(columnsOfUsers()).doesNotContain("name");
		assertThat(this.sql.column("SELECT version FROM " + historyTable())).containsExactly("1");
	}

	@Test
	void ddlSucceedsWhenTheBlockerCommitsDuringTheRetries() throws Exception {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
		configure().load().migrate();
		this.scripts.write("V2__add_name.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(50)");
		try (Connection blocker = this.database.dataSource().getConnection()) {
			holdLockOnUsers(blocker);
			Stepwise patient = configure().ddlLockTimeout(Duration.ofMillis(200))
				.ddlRetries(30)
				.ddlRetryBackoff(Duration.ofMillis(100))
				.load();
			CompletableFuture<MigrateResult> migration = CompletableFuture.supplyAsync(patient::migrate);
			Thread.sleep(1500);
			assertThat(migration).isNotDone();
			blocker.commit();
			MigrateResult result = migration.get(60, TimeUnit.SECONDS);
			assertThat(result.applied()).hasSize(1);
		}
		assertThat(columnsOfUsers()).contains("name");
		assertThat(this.sql.column("SELECT email FROM users WHERE id = 7")).containsExactly("held@example.com");
	}

	private void holdLockOnUsers(Connection blocker) throws Exception {
		blocker.setAutoCommit(false);
		try (Statement statement = blocker.createStatement()) {
			// An open transaction that wrote to the table: its lock conflicts with ALTER TABLE everywhere.
			statement.execute("INSERT INTO users (id, email) VALUES (7, 'held@example.com')");
		}
	}

	private java.util.List<String> columnsOfUsers() throws Exception {
		java.util.List<String> columns = new java.util.ArrayList<>();
		try (Connection connection = this.database.dataSource().getConnection();
				java.sql.ResultSet result = connection.getMetaData()
					.getColumns(connection.getCatalog(), null,
							(type() == DatabaseType.H2) ? "USERS" : "users", null)) {
			while (result.next()) {
				columns.add(result.getString("COLUMN_NAME").toLowerCase());
			}
		}
		return columns;
	}

	private String historyTable() {
		return "stepwise_history";
	}

}
