package dev.stepwise.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.testsupport.Scripts;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every lock-timeout retry is logged at WARN with the migration, the attempt, the pause
 * before the next one and the session that holds the lock, so minutes of retries are
 * never silent.
 */
abstract class AbstractLockTimeoutRetryLogTest {

	@TempDir
	Path folder;

	Scripts scripts;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private Logger retryLogger;

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	/** The query that names the blocker's session as the log names it. */
	abstract String sessionIdQuery();

	/** What the log tells of the blocker's idle session on this database. */
	abstract String[] blockerDetails();

	/** How the log names the blocker's session, before its id. */
	abstract String blockerWord();

	@BeforeEach
	void captureLog(TestDatabase database) {
		this.database = database;
		database.reset();
		this.scripts = new Scripts(this.folder);
		this.retryLogger = (Logger) LoggerFactory.getLogger("dev.stepwise.migration.internal.execute.LockTimeoutRetry");
		this.log.start();
		this.retryLogger.addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		this.retryLogger.detachAppender(this.log);
	}

	@Test
	void eachRetryIsLoggedWithTheAttemptThePauseAndTheBlocker() throws Exception {
		this.scripts.write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
		Stepwise.configure().dataSource(this.database.dataSource()).locations(this.scripts.location()).load().migrate();
		this.scripts.write("V2__add_name.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(50)");
		try (Connection blocker = this.database.dataSource().getConnection()) {
			blocker.setAutoCommit(false);
			String id;
			try (Statement statement = blocker.createStatement()) {
				try (ResultSet result = statement.executeQuery(sessionIdQuery())) {
					result.next();
					id = result.getString(1);
				}
				statement.execute("INSERT INTO users (id, email) VALUES (7, 'held@example.com')");
			}
			Stepwise impatient = Stepwise.configure()
				.dataSource(this.database.dataSource())
				.locations(this.scripts.location())
				.ddlLockTimeout(Duration.ofMillis(200))
				.ddlRetries(2)
				.ddlRetryBackoff(Duration.ofMillis(20))
				.load();
			assertThatThrownBy(impatient::migrate).isInstanceOf(MigrationFailedException.class);
			blocker.rollback();

			List<ILoggingEvent> retries = this.log.list;
			assertThat(retries).hasSize(2).allSatisfy((event) -> {
				assertThat(event.getLevel()).isEqualTo(Level.WARN);
				assertThat(event.getFormattedMessage()).contains("V2__add_name.sql (version 2)")
					.containsPattern("retrying in \\d+ ms")
					.contains("Blocked by " + blockerWord() + id + " (")
					.contains(blockerDetails());
			});
			assertThat(retries.get(0).getFormattedMessage()).contains("attempt 1 of 3");
			assertThat(retries.get(1).getFormattedMessage()).contains("attempt 2 of 3");
		}
	}

}
