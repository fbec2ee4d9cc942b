package dev.stepwise.migration.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A project whose backfill records, in each row, the id of the server session that wrote
 * it: an SQL script creating and filling {@code people}, and a Java migration backfilling
 * {@code seen_by} in small batches. The tools' tests run it through their own entry point
 * and ask the server how many sessions the batches used.
 */
public final class SessionRecordingProject {

	/** The rows of {@code people}. */
	public static final int ROWS = 2000;

	/** The rows of each backfill batch: {@link #ROWS} / {@value} batches. */
	public static final int BATCH = 20;

	private final TestDatabase database;

	private final Path folder;

	public SessionRecordingProject(TestDatabase database, Path folder) {
		this.database = database;
		this.folder = folder;
	}

	/** Empties the database and writes the SQL script; returns the scripts' folder. */
	public Path writeScripts() throws IOException {
		this.database.reset();
		Path sql = Files.createDirectories(this.folder.resolve("sql"));
		Files.writeString(sql.resolve("V1__people.sql"),
				"CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(50), seen_by BIGINT);\n" + insertRows() + ";\n",
				StandardCharsets.UTF_8);
		return sql;
	}

	/** Compiles the Java migration in the default package against the engine; returns the classes' folder. */
	public Path compileMigration() throws IOException {
		String className = "V2__Record_sessions";
		String source = """
				import dev.stepwise.migration.java.BaseJavaMigration;
				import dev.stepwise.migration.java.MigrationContext;

				public class V2__Record_sessions extends BaseJavaMigration {
					@Override
					public void up(MigrationContext context) throws Exception {
						context.backfill("people").set("seen_by", "%s").initialBatchSize(%d).maximumBatchSize(%d).run();
					}
				}
				""".formatted(sessionId(), BATCH, BATCH);
		return JavaMigrationCompiler.compile(this.folder, className, source);
	}

	/**
	 * How many sessions the server has opened on the database so far, once the count stops
	 * moving (a closed session's statistics reach it a moment after the client lets go, and
	 * the test's own pool may still be filling); {@code null} where the server does not
	 * count them per database (MariaDB counts for the whole server, where other tests
	 * connect too: the session ids that the batches record are the proof there).
	 */
	public @Nullable Long settledSessionsOpened() throws InterruptedException {
		if (this.database.type() != TestDatabaseType.POSTGRESQL) {
			return null;
		}
		// Counted at each connect, per database (PostgreSQL 14 and later).
		String query = "SELECT sessions FROM pg_stat_database WHERE datname = '" + this.database.name() + "'";
		long last = -1;
		for (int i = 0; i < 60; i++) {
			long now = Long.parseLong(sql().column(query).get(0));
			if (now == last) {
				return now;
			}
			last = now;
			Thread.sleep(500);
		}
		throw new IllegalStateException("The count of sessions did not settle: " + last);
	}

	/** Queries on the test's pool, whose sessions are already open. */
	public Sql sql() {
		return new Sql(this.database.dataSource());
	}

	private String sessionId() {
		return switch (this.database.type()) {
			case POSTGRESQL -> "pg_backend_pid()";
			case MARIADB -> "CONNECTION_ID()";
			case H2 -> throw unsupported();
		};
	}

	private String insertRows() {
		return switch (this.database.type()) {
			case POSTGRESQL -> "INSERT INTO people (id, name) SELECT i, 'name ' || i FROM generate_series(1, " + ROWS + ") AS i";
			// The Sequence engine's table of 1 to n.
			case MARIADB -> "INSERT INTO people (id, name) SELECT seq, CONCAT('name ', seq) FROM seq_1_to_" + ROWS;
			case H2 -> throw unsupported();
		};
	}

	private static IllegalArgumentException unsupported() {
		return new IllegalArgumentException("Sessions are recorded on PostgreSQL and MariaDB, the servers");
	}

}
