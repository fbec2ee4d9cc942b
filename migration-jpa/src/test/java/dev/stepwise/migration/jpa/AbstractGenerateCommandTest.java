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
import dev.stepwise.migration.testsupport.TestDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepwise generate} and {@code stepwise diff} with this module on the class path:
 * the command line finds the entity support through the ServiceLoader.
 */
abstract class AbstractGenerateCommandTest {

	private TestDatabase database;

	private Path migrations;

	@BeforeEach
	void database(TestDatabase database, @TempDir Path migrations) {
		database.reset();
		this.database = database;
		this.migrations = migrations;
	}

	@Test
	void diffPrintsGenerateWritesMigrateAppliesAndThenNothingIsLeft() throws Exception {
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
	void aChangeThatBreaksTheRunningReleaseIsRefusedWithExitCodeFiveAndNothingWritten() throws Exception {
		assertThat(stepwise("generate", "--name", "create shop").exitCode).isZero();
		// A hand-written migration left qty a string: the entities' Integer is not a widening of it.
		Files.writeString(this.migrations.resolve("V2__qty_as_text.sql"),
				"ALTER TABLE order_line DROP COLUMN qty;\nALTER TABLE order_line ADD COLUMN qty varchar(10);\n");
		List<String> before = files();

		Run diff = stepwise("diff");
		assertThat(diff.exitCode).as(diff.toString()).isZero();
		assertThat(diff.out.toLowerCase(java.util.Locale.ROOT))
			.contains("refused (generate writes nothing): column order_line.qty changes type");
		Run generate = stepwise("generate", "--name", "qty as number");
		assertThat(generate.exitCode).as(generate.toString()).isEqualTo(5);
		assertThat(generate.err.toLowerCase(java.util.Locale.ROOT)).contains(
				"nothing written: column order_line.qty changes type", "--in-place",
				"--expand --rename order_line.qty=qty_v2");
		assertThat(files()).isEqualTo(before);
	}

	@Test
	void javaWritesTheWholeChangeAsOneSchemaMigration(@TempDir Path javaSources) throws Exception {
		Run generate = stepwise("generate", "--name", "create shop", "--java", "--java-output", javaSources.toString());
		assertThat(generate.exitCode).as(generate.toString()).isZero();
		assertThat(files()).as("no SQL").isEmpty();
		String source = Files.readString(javaSources.resolve("V1__create_shop.java"));
		assertThat(source.toLowerCase(java.util.Locale.ROOT)).contains("extends schemamigration",
				"schema.createtable(\"order_line\"", "schema.addforeignkey(");
	}

	@Test
	void vendorLocationsGetThePairOfTheConfiguredDatabaseAndANoteForTheOthers() throws Exception {
		for (String vendor : List.of("postgresql", "mariadb", "h2")) {
			Files.createDirectories(this.migrations.resolve(vendor));
		}
		String configured = this.database.type() == TestDatabaseType.POSTGRESQL ? "postgresql"
				: this.database.type() == TestDatabaseType.MARIADB ? "mariadb" : "h2";
		String location = "filesystem:" + this.migrations + "/{vendor}";
		Run generate = stepwiseAt(location, "generate", "--name", "create shop");
		assertThat(generate.exitCode).as(generate.toString()).isZero();
		try (Stream<Path> files = Files.list(this.migrations.resolve(configured))) {
			assertThat(files.map((file) -> file.getFileName().toString()).sorted().toList())
				.containsExactly("U1__create_shop.sql", "V1__create_shop.sql");
		}
		for (String vendor : List.of("postgresql", "mariadb", "h2")) {
			if (!vendor.equals(configured)) {
				try (Stream<Path> files = Files.list(this.migrations.resolve(vendor))) {
					assertThat(files).as(vendor).isEmpty();
				}
				assertThat(generate.out).contains(this.migrations.resolve(vendor).toString());
			}
		}
		assertThat(generate.out).contains("Note: the locations use {vendor}: this migration is written for "
				+ configured + " only");
		Run migrate = stepwiseAt(location, "migrate");
		assertThat(migrate.exitCode).as(migrate.toString()).isZero();
	}

	@Test
	void validateWithTheDriftCheckFailsOnAHandMadeIndexOnly() throws Exception {
		assertThat(stepwise("generate", "--name", "create shop").exitCode).isZero();
		assertThat(stepwise("migrate").exitCode).isZero();
		Run clean = stepwise("validate", "--drift");
		assertThat(clean.exitCode).as(clean.toString()).isZero();
		assertThat(clean.out).contains("its schema is what they make");

		try (var connection = this.database.dataSource().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("CREATE INDEX order_line_qty_idx ON order_line (qty)");
		}
		Run drift = stepwise("validate", "--drift");
		assertThat(drift.exitCode).as(drift.toString()).isEqualTo(3);
		assertThat(drift.err.toLowerCase(java.util.Locale.ROOT)).contains("drift: + index order_line.order_line_qty_idx");
		Run setting = stepwise("validate", "--set", "drift-check=true");
		assertThat(setting.exitCode).as("stepwise.drift-check=true: " + setting).isEqualTo(3);
		Run plain = stepwise("validate");
		assertThat(plain.exitCode).as("without the check: " + plain).isZero();
	}

	@Test
	void aBadRenameIsAUsageError() throws Exception {
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
		return stepwiseAt("filesystem:" + this.migrations, args);
	}

	private Run stepwiseAt(String location, String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		arguments.addAll(List.of("--url", this.database.url(), "--locations", location));
		if (args[0].equals("generate") || args[0].equals("diff")) {
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
