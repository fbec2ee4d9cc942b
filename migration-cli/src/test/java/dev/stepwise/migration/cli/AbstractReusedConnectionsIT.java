package dev.stepwise.migration.cli;

import java.nio.file.Path;
import java.util.Map;

import dev.stepwise.migration.testsupport.SessionRecordingProject;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.stepwise.migration.testsupport.SessionRecordingProject.BATCH;
import static dev.stepwise.migration.testsupport.SessionRecordingProject.ROWS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepwise migrate}, the jar run as a process, reuses its connections as the engine
 * does for a URL: the hundred batches of a backfill run on one server session, where each
 * used to open one of its own (the driver is found in the project's class loader, which
 * {@code DriverManager} does not serve). The server tells which session ran each batch, and
 * on PostgreSQL how many sessions the run opened. One thin subclass per database.
 */
abstract class AbstractReusedConnectionsIT {

	@TempDir
	Path folder;

	private SessionRecordingProject project;

	abstract TestDatabaseExtension database();

	@BeforeEach
	void migrations() throws Exception {
		this.project = new SessionRecordingProject(database().database(), this.folder);
		this.project.writeScripts();
	}

	@Test
	void migrateRunsEveryBatchOfABackfillOnOneServerSession() throws Exception {
		Path classes = this.project.compileMigration();
		Long before = this.project.settledSessionsOpened();

		CliProcess.Result migrate = CliProcess.run(this.folder, Map.of(), "migrate", "--url", database().database().url(),
				"--locations", "filesystem:sql", "--class-path", classes.toString());

		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		assertThat(migrate.out()).contains("V2__Record_sessions", "from version 0 (empty) to 2: 2 migration(s)");
		assertThat(this.project.sql().column("SELECT COUNT(*) FROM people WHERE seen_by IS NULL")).containsExactly("0");
		if (before != null) {
			long opened = this.project.settledSessionsOpened() - before;
			// The session and lock of each of the run's few engine calls, and the batches' connection (6 when
			// written); a hundred and more before, one per batch.
			assertThat(opened).as("server sessions the run opened for %d batches", ROWS / BATCH).isBetween(1L, 10L);
		}
		// Before the command line reused connections, each of the hundred batches had a session of its own.
		assertThat(this.project.sql().column("SELECT DISTINCT seen_by FROM people")).hasSize(1);
	}

}
