package dev.stepwise.migration.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillThrottleMariaDbTest extends AbstractBackfillThrottleTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.MARIADB);

	@Override
	TestDatabaseExtension database() {
		return database;
	}

	@Override
	String sessionsQuery() {
		return "SELECT p.id, p.db, p.command, p.state, p.time_ms, t.trx_state FROM information_schema.processlist p LEFT JOIN information_schema.innodb_trx t ON t.trx_mysql_thread_id = p.id";
	}

	/**
	 * MariaDB shows other users' sessions only to a user with the PROCESS privilege; a
	 * migration user without it backfills all the same.
	 */
	@Test
	void aUserWithoutTheProcessPrivilegeStillBackfills() throws Exception {
		String user = "stepwise_noproc_" + UUID.randomUUID().toString().substring(0, 8);
		String name = database.database().name();
		TableRows.execute(database.dataSource(), "CREATE TABLE plain (id INT PRIMARY KEY, name VARCHAR(50), shout VARCHAR(50))",
				"CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret-pw'",
				"GRANT ALL PRIVILEGES ON " + name + ".* TO '" + user + "'@'%'");
		try {
			List<String> values = new ArrayList<>();
			for (int i = 1; i <= 50; i++) {
				values.add("(" + i + ", 'name " + i + "')");
			}
			TableRows.execute(database.dataSource(), "INSERT INTO plain (id, name) VALUES " + String.join(", ", values));
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(database.database().url().replaceAll("user=[^&]*", "user=" + user + "&password=secret-pw"));
			try (HikariDataSource limited = new HikariDataSource(config)) {
				BackfillProgress progress = Backfill.of(limited, DatabaseType.MARIADB, "plain")
					.set("shout", "UPPER(name)")
					.initialBatchSize(10)
					.maximumBatchSize(10)
					.run();
				assertThat(progress.rowsDone()).isEqualTo(50);
			}
			assertThat(TableRows.count(database.dataSource(), "SELECT COUNT(*) FROM plain WHERE shout = UPPER(name)"))
				.isEqualTo(50);
		}
		finally {
			TableRows.execute(database.dataSource(), "DROP USER '" + user + "'@'%'");
		}
	}

}
