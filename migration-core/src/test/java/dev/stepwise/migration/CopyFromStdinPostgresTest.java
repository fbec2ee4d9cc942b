package dev.stepwise.migration;

import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A script as pg_dump writes it, {@code COPY ... FROM stdin} and its data, runs through the engine. */
@OnDatabase(TestDatabaseType.POSTGRESQL)
class CopyFromStdinPostgresTest extends AbstractEmptyDatabaseTest {

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
