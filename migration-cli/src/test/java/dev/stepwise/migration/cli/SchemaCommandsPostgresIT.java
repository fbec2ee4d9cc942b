package dev.stepwise.migration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code diff --drift} and {@code generate} from the packaged jar, which carries no
 * Hibernate: drift needs none, and generate says what to put on the class path.
 */
class SchemaCommandsPostgresIT {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);

	@TempDir
	Path project;

	@BeforeEach
	void migrations() throws IOException {
		database.database().reset();
		Path sql = Files.createDirectories(this.project.resolve("sql"));
		Files.writeString(sql.resolve("V1__create_users.sql"),
				"CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100));", StandardCharsets.UTF_8);
	}

	@Test
	void driftIsNoneAfterMigrateAndAHandMadeIndexIsReportedWithExitCode3() throws SQLException {
		assertThat(stepwise("migrate").exitCode()).isZero();
		CliProcess.Result clean = stepwise("diff", "--drift");
		assertThat(clean.exitCode()).as(clean.toString()).isZero();
		assertThat(clean.out()).contains("No drift");

		execute("CREATE INDEX users_name_idx ON users (name)");
		CliProcess.Result drift = stepwise("diff", "--drift");
		assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(3);
		assertThat(drift.out()).contains("+ index users.users_name_idx [name]");
		CliProcess.Result json = stepwise("diff", "--drift", "--json");
		assertThat(json.out()).contains("\"drift\": true").contains("users_name_idx");
	}

	@Test
	void generateWithoutTheEntitySupportSaysWhatToPutOnTheClassPath() {
		CliProcess.Result generate = stepwise("generate", "--name", "anything");
		assertThat(generate.exitCode()).as(generate.toString()).isEqualTo(2);
		assertThat(generate.err()).contains("migration-jpa").contains("--class-path");
	}

	private CliProcess.Result stepwise(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--url", database.database().url(), "--locations", "filesystem:sql"));
		return CliProcess.run(this.project, Map.of(), all.toArray(String[]::new));
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.database().url());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
