package dev.stepwise.migration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepwise migrate}, the jar run as a process, reuses its connections as the engine
 * does for a URL: the hundred batches of a backfill run on one server session, where each
 * used to open one of its own (the driver is found in the project's class loader, which
 * {@code DriverManager} does not serve). The server tells which session ran each batch, and
 * on PostgreSQL how many sessions the run opened. One thin subclass per database.
 */
abstract class AbstractReusedConnectionsIT {

	private static final int ROWS = 2000;

	private static final int BATCH = 20;

	@TempDir
	Path project;

	abstract TestDatabaseExtension database();

	/** An SQL expression: the id of the server session that evaluates it. */
	abstract String sessionId();

	/** An INSERT of {@link #ROWS} rows into people (id, name), in this database's dialect. */
	abstract String insertRows(int rows);

	/**
	 * The query of how many sessions the server has opened on this test's database so far,
	 * or {@code null} when the server does not count them per database.
	 */
	abstract @Nullable String sessionsOpened();

	@BeforeEach
	void migrations() throws IOException {
		database().database().reset();
		Path sql = Files.createDirectories(this.project.resolve("sql"));
		Files.writeString(sql.resolve("V1__people.sql"),
				"CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(50), seen_by BIGINT);\n" + insertRows(ROWS) + ";\n",
				StandardCharsets.UTF_8);
	}

	@Test
	void migrateRunsEveryBatchOfABackfillOnOneServerSession() throws Exception {
		Path classes = compile("V2__Record_sessions", """
				import dev.stepwise.migration.java.BaseJavaMigration;
				import dev.stepwise.migration.java.MigrationContext;

				public class V2__Record_sessions extends BaseJavaMigration {
					@Override
					public void up(MigrationContext context) throws Exception {
						context.backfill("people").set("seen_by", "%s").initialBatchSize(%d).maximumBatchSize(%d).run();
					}
				}
				""".formatted(sessionId(), BATCH, BATCH));
		boolean counted = sessionsOpened() != null;
		long before = counted ? settledSessionsOpened() : 0;

		CliProcess.Result migrate = CliProcess.run(this.project, Map.of(), "migrate", "--url", database().database().url(),
				"--locations", "filesystem:sql", "--class-path", classes.toString());

		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		assertThat(migrate.out()).contains("V2__Record_sessions", "from version 0 (empty) to 2: 2 migration(s)");
		assertThat(column("SELECT COUNT(*) FROM people WHERE seen_by IS NULL")).containsExactly("0");
		if (counted) {
			long opened = settledSessionsOpened() - before;
			// The session and lock of each of the run's few engine calls, and the batches' connection (6 when
			// written); a hundred and more before, one per batch.
			assertThat(opened).as("server sessions the run opened for %d batches", ROWS / BATCH).isBetween(1L, 10L);
		}
		// Before the command line reused connections, each of the hundred batches had a session of its own.
		assertThat(column("SELECT DISTINCT seen_by FROM people")).hasSize(1);
	}

	/**
	 * The server's count once it stops moving: a closed session's statistics reach it a
	 * moment after the client lets go, and the test's own pool may still be filling.
	 */
	private long settledSessionsOpened() throws SQLException, InterruptedException {
		long last = -1;
		for (int i = 0; i < 60; i++) {
			long now = Long.parseLong(column(sessionsOpened()).get(0));
			if (now == last) {
				return now;
			}
			last = now;
			Thread.sleep(500);
		}
		throw new AssertionError("The count of sessions did not settle: " + last);
	}

	/** Compiles one Java migration in the default package against the engine. */
	private Path compile(String className, String source) throws IOException {
		Path sources = Files.createDirectories(this.project.resolve("src"));
		Path classes = Files.createDirectories(this.project.resolve("classes"));
		Path file = sources.resolve(className + ".java");
		Files.writeString(file, source, StandardCharsets.UTF_8);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int result = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
				classes.toString(), file.toString());
		assertThat(result).as("javac of " + className).isZero();
		return classes;
	}

	/** The first column of a query's rows, read on the test's pool (its sessions are already open). */
	private List<String> column(@Nullable String sql) throws SQLException {
		try (Connection connection = database().dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

}
