package dev.stepwise.migration;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.Scripts;
import dev.stepwise.migration.testsupport.TestDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application killed in the middle of a long statement: PostgreSQL keeps the session,
 * and every lock it holds, until the statement ends unless it checks the client's socket.
 * The engine has it checked, so the session ends soon after the process, not when the
 * statement would have finished (here ten minutes later).
 */
@OnDatabase(TestDatabaseType.POSTGRESQL)
class KilledApplicationPostgresTest {

	@TempDir
	Path folder;

	@Test
	void aKilledApplicationsMigrationSessionEndsWithItInsteadOfHoldingItsLocks(TestDatabase database) throws Exception {
		Scripts scripts = new Scripts(this.folder);
		scripts.write("V1__long.sql", "CREATE TABLE held (id INT);\nSELECT pg_sleep(600);");
		Process child = new ProcessBuilder(
				System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-cp",
				System.getProperty("java.class.path"), ConcurrentStartMain.class.getName(), database.url(),
				scripts.location())
			.redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("child.log").toFile())
			.start();
		try (Connection admin = database.dataSource().getConnection(); Statement statement = admin.createStatement()) {
			await(() -> count(statement, "SELECT COUNT(*) FROM pg_stat_activity"
					+ " WHERE datname = current_database() AND state = 'active' AND query LIKE '%pg_sleep(600)%'"
					+ " AND pid <> pg_backend_pid()") == 1 || !child.isAlive());
			assertThat(child.isAlive()).as("the child is still migrating").isTrue();
			int worker = count(statement, "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
					+ " AND state = 'active' AND query LIKE '%pg_sleep(600)%' AND pid <> pg_backend_pid()");
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			// The bound only turns a hang into a failure: without the check the session lives ten minutes.
			await(() -> count(statement, "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + worker) == 0);
			assertThat(count(statement, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
					+ " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).isZero();
		}
		finally {
			child.destroyForcibly();
		}
	}

	private static int count(Statement statement, String query) {
		try (ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getInt(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The awaited state never came");
			}
			Thread.sleep(20);
		}
	}

}
