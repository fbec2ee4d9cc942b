package dev.stepwise.migration;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.stepwise.migration.testsupport.Scripts;
import dev.stepwise.migration.testsupport.Sql;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight instances of an application, each in its own JVM, start at once against one
 * database: all succeed, and every migration is applied exactly once.
 */
abstract class AbstractConcurrentStartTest {

	private static final int INSTANCES = 8;

	private static final int MIGRATIONS = 20;

	@TempDir
	Path folder;

	@Test
	void eightInstancesStartingAtOnceApplyEveryMigrationExactlyOnce(TestDatabase database) throws Exception {
		Scripts scripts = new Scripts(this.folder.resolve("migrations"));
		scripts.write("V1__create_log.sql", "CREATE TABLE migration_log (version INT NOT NULL)");
		for (int version = 2; version <= MIGRATIONS; version++) {
			scripts.write("V" + version + "__step.sql", "CREATE TABLE step_" + version + " (id INT);\n"
					+ "INSERT INTO migration_log (version) VALUES (" + version + ");");
		}
		List<Process> processes = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		for (int i = 0; i < INSTANCES; i++) {
			Path output = this.folder.resolve("instance-" + i + ".log");
			outputs.add(output);
			processes.add(new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
					ConcurrentStartMain.class.getName(), database.url(), scripts.location())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start());
		}
		int totalApplied = 0;
		for (int i = 0; i < INSTANCES; i++) {
			Process process = processes.get(i);
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("instance %d finished", i).isTrue();
			String output = Files.readString(outputs.get(i));
			assertThat(process.exitValue()).as("instance %d: %s", i, output).isZero();
			totalApplied += Integer.parseInt(output.lines()
				.filter((line) -> line.startsWith("applied "))
				.findFirst()
				.orElseThrow()
				.substring("applied ".length()));
		}
		Sql sql = new Sql(database.dataSource());
		assertThat(totalApplied).isEqualTo(MIGRATIONS);
		assertThat(sql.count("SELECT COUNT(*) FROM stepwise_history")).isEqualTo(MIGRATIONS);
		assertThat(sql.count("SELECT COUNT(DISTINCT version) FROM stepwise_history")).isEqualTo(MIGRATIONS);
		assertThat(sql.count("SELECT COUNT(*) FROM migration_log")).isEqualTo(MIGRATIONS - 1);
		assertThat(sql.count("SELECT COUNT(DISTINCT version) FROM migration_log")).isEqualTo(MIGRATIONS - 1);
	}

	private static String javaExecutable() {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
	}

}
