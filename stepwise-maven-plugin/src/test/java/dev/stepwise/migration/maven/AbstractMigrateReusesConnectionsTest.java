package dev.stepwise.migration.maven;

import java.nio.file.Path;
import java.util.List;

import dev.stepwise.migration.testsupport.SessionRecordingProject;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.stepwise.migration.testsupport.SessionRecordingProject.BATCH;
import static dev.stepwise.migration.testsupport.SessionRecordingProject.ROWS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepwise:migrate} reuses its connections as the engine does for a URL: the hundred
 * batches of a backfill run on one server session, where each used to open one of its own
 * (the goal finds the driver in the project's class loader, which {@code DriverManager} does
 * not serve). The goal runs in this JVM, as Maven runs it, on a compiled project of one SQL
 * script and one Java migration. One thin subclass per database.
 */
abstract class AbstractMigrateReusesConnectionsTest {

	@TempDir
	Path folder;

	private SessionRecordingProject project;

	private Path scripts;

	abstract TestDatabaseExtension database();

	@BeforeEach
	void migrations() throws Exception {
		this.project = new SessionRecordingProject(database().database(), this.folder);
		this.scripts = this.project.writeScripts();
	}

	@Test
	void migrateRunsEveryBatchOfABackfillOnOneServerSession() throws Exception {
		MigrateMojo migrate = new MigrateMojo();
		migrate.url = database().database().url();
		migrate.locations = List.of("filesystem:" + this.scripts);
		migrate.outputDirectory = this.project.compileMigration().toFile();
		migrate.classpathElements = List.of();
		Long before = this.project.settledSessionsOpened();

		migrate.execute();

		assertThat(this.project.sql().column("SELECT COUNT(*) FROM people WHERE seen_by IS NULL")).containsExactly("0");
		if (before != null) {
			long opened = this.project.settledSessionsOpened() - before;
			// The session and lock of the goal's engine calls, and the batches' connection; a hundred and more
			// before, one per batch.
			assertThat(opened).as("server sessions the goal opened for %d batches", ROWS / BATCH).isBetween(1L, 10L);
		}
		// Before the goal reused connections, each of the hundred batches had a session of its own.
		assertThat(this.project.sql().column("SELECT DISTINCT seen_by FROM people")).hasSize(1);
	}

}
