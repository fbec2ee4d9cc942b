package dev.stepwise.migration.internal.resolve;

import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.internal.resolve.ScriptName.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptNameTest {

	@Test
	void readsAnUpScript() {
		assertThat(ScriptName.parse("V1__create_users.sql"))
			.isEqualTo(new ScriptName(Kind.UP, MigrationVersion.parse("1"), "create users"));
	}

	@Test
	void readsADownScript() {
		assertThat(ScriptName.parse("U2.1__add_email.sql"))
			.isEqualTo(new ScriptName(Kind.DOWN, MigrationVersion.parse("2.1"), "add email"));
	}

	@Test
	void readsARepeatableScript() {
		assertThat(ScriptName.parse("R__users_view.sql"))
			.isEqualTo(new ScriptName(Kind.REPEATABLE, null, "users view"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			V1_1__x.sql                  | 1.1           | x
			V2026.11.28.1__x.sql         | 2026.11.28.1  | x
			V1__a__b.sql                 | 1             | a  b
			V1__Add_Email_To_Users.SQL   | 1             | Add Email To Users
			V10__x.y-z.sql               | 10            | x.y-z
			""")
	void takesTheVersionUpToTheFirstDoubleUnderscore(String fileName, String version, String description) {
		ScriptName name = ScriptName.parse(fileName);
		assertThat(name).isNotNull();
		assertThat(name.version()).isEqualTo(MigrationVersion.parse(version));
		assertThat(name.description()).isEqualTo(description);
	}

	@ParameterizedTest
	@ValueSource(strings = { "V1_create.sql", "V__x.sql", "Vx__y.sql", "V1__.sql", "V1__ _.sql", "init.sql",
			"v1__x.sql", "R1__x.sql", "U__x.sql", "V1.__x.sql", "V.1__x.sql", "V1..2__x.sql", "V 1__x.sql",
			"V-1__x.sql", "__x.sql", ".sql", "X1__x.sql" })
	void rejectsNamesThatAreNotMigrationNames(String fileName) {
		assertThat(ScriptName.parse(fileName)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			V1_create_users.sql  | V1__create_users.sql
			V1.2_add_email.sql   | V1.2__add_email.sql
			U3_drop.sql          | U3__drop.sql
			R_view.sql           | R__view.sql
			init.sql             | V1__create_users.sql
			V__x.sql             | V1__create_users.sql
			""")
	void suggestsACorrectName(String fileName, String suggestion) {
		assertThat(ScriptName.suggestionFor(fileName)).isEqualTo(suggestion);
	}

	@ParameterizedTest
	@ValueSource(strings = { "V1__x.sql", "x.SQL", "a/b.Sql" })
	void treatsSqlFilesAsScripts(String fileName) {
		assertThat(ScriptName.isScript(fileName)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "V1__x.sql.txt", "README.md", "sql", "V1__x.java" })
	void ignoresOtherFiles(String fileName) {
		assertThat(ScriptName.isScript(fileName)).isFalse();
	}

}
