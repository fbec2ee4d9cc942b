package dev.stepwise.migration;

import java.nio.file.Path;

import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.Scripts;
import dev.stepwise.migration.testsupport.Sql;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A script as pg_dump writes it, {@code COPY ... FROM stdin} and its data, runs through the engine. */
class CopyFromStdinPostgresTest {

	@RegisterExtension
	static final TestDatabaseExtension database = new TestDatabaseExtension(DatabaseType.POSTGRESQL);

	@TempDir
	Path folder;

	Scripts scripts;

	Sql sql;

	@BeforeEach
	void emptyDatabase() {
		database.database().reset();
		this.scripts = new Scripts(this.folder);
		this.sql = new Sql(database.dataSource());
	}

	Stepwise stepwise() {
		return Stepwise.configure().dataSource(database.dataSource()).locations(this.scripts.location()).load();
	}

	@Test
	void copyFromStdinLoadsItsDataInTheMigrationsTransaction() {
		this.scripts.write("V1__countries.sql", "CREATE TABLE country (code char(2) PRIMARY KEY, name text);\n"
				+ "COPY country (code, name) FROM stdin;\nfr\tFrance; la République\nde\tDeutschland\n\\.\n"
				+ "INSERT INTO country VALUES ('it', 'Italia');\n");
		assertThat(stepwise().migrate().applied()).hasSize(1);
		assertThat(this.sql.column("SELECT code || '=' || name FROM country ORDER BY code")).containsExactly("de=Deutschland",
				"fr=France; la République", "it=Italia");
	}

	@Test
	void badCopyDataFailsNamingTheScriptAndLineAndLeavesNothing() {
		this.scripts.write("V1__countries.sql", "CREATE TABLE country (code char(2) PRIMARY KEY, name text);\n"
				+ "COPY country (code, name) FROM stdin;\nfr\tFrance\nfr\tagain\n\\.\n");
		assertThatThrownBy(() -> stepwise().migrate()).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("V1__countries.sql (version 1) failed at line 2")
			.hasMessageContaining("duplicate key");
		assertThat(this.sql.tableExists("country")).isFalse();
	}

}
