package dev.stepwise.migration.jpa;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.stepwise.migration.cli.StepwiseCommand;
import dev.stepwise.migration.jpa.naming.OrderLine;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepwise generate} and {@code stepwise diff} with this module on the class path:
 * the command line finds the entity support through the ServiceLoader.
 */
abstract class AbstractGenerateCommandTest {

	@TempDir
	Path migrations;

	protected abstract TestDatabaseExtension database();

	@Test
	void diffPrintsGenerateWritesMigrateAppliesAndThenNothingIsLeft() throws Exception {
		database().database().reset();
		Run diff = stepwise("diff");
		assertThat(diff.exitCode).as(diff.toString()).isZero();
		assertThat(diff.out.toLowerCase(java.util.Locale.ROOT)).contains("+ table order_line", "create table");
		assertThat(files()).as("diff writes nothing").isEmpty();

		Run generate = stepwise("generate", "--name", "create shop");
		assertThat(generate.exitCode).as(generate.toString()).isZero();
		assertThat(files()).contains("V1__create_shop.sql", "U1__create_shop.sql");
		assertThat(generate.out).contains("Wrote ");

		Run migrate = stepwise("migrate");
		assertThat(migrate.exitCode).as(migrate.toString()).isZero();
		Run again = stepwise("generate", "--name", "again");
		assertThat(again.exitCode).as(again.toString()).isZero();
		assertThat(again.out).contains("Nothing to generate");
		assertThat(files()).hasSize(2);

		Run drift = stepwise("diff", "--drift");
		assertThat(drift.exitCode).as(drift.toString()).isZero();
		assertThat(drift.out).contains("No drift");
	}

	@Test
	void aBadRenameIsAUsageError() throws Exception {
		database().database().reset();
		Run run = stepwise("diff", "--rename", "order_line");
		assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
		assertThat(run.err).contains("table.column=new_name");
	}

	private List<String> files() throws Exception {
		try (Stream<Path> files = Files.list(this.migrations)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private Run stepwise(String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		arguments.addAll(List.of("--url", database().database().url(), "--locations", "filesystem:" + this.migrations));
		if (!args[0].equals("migrate")) {
			arguments.addAll(List.of("--entity-package", OrderLine.class.getPackageName()));
		}
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
			int code = StepwiseCommand.execute(arguments.toArray(String[]::new));
			return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
					String.join(" ", args));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	record Run(int exitCode, String out, String err, String command) {

		@Override
		public String toString() {
			return "stepwise " + this.command + " exited " + this.exitCode + "\n--- out:\n" + this.out + "\n--- err:\n"
					+ this.err;
		}

	}

}
