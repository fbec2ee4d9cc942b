package dev.stepwise.migration.internal.resolve;

import java.util.Map;

import dev.stepwise.migration.api.StepwiseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlaceholdersTest {

	@Test
	void replacesEachPlaceholderWithItsValue() {
		String text = "CREATE TABLE ${schema}.users (id INT);\nGRANT SELECT ON ${schema}.users TO ${app.user-name};";
		assertThat(Placeholders.replace("V1__init.sql", text, Map.of("schema", "tenant_a", "app.user-name", "app")))
			.isEqualTo("CREATE TABLE tenant_a.users (id INT);\nGRANT SELECT ON tenant_a.users TO app;");
	}

	@Test
	void acceptsLettersDigitsAndUnderscoreDotColonDashInNames() {
		assertThat(Placeholders.replace("V1__init.sql", "${a_B.9:x-y}", Map.of("a_B.9:x-y", "ok"))).isEqualTo("ok");
	}

	@Test
	void insertsValuesLiterally() {
		Map<String, String> values = Map.of("a", "$1 \\ ${b}", "b", "never");
		assertThat(Placeholders.replace("V1__init.sql", "x ${a} y", values)).isEqualTo("x $1 \\ ${b} y");
	}

	@Test
	void returnsTheSameInstanceWhenThereIsNoPlaceholder() {
		String text = "SELECT '$' || '{' FROM dual; -- $ {not} either";
		assertThat(Placeholders.replace("V1__init.sql", text, Map.of("not", "x"))).isSameAs(text);
	}

	@Test
	void returnsTheSameInstanceWhenDollarBraceIsNotAPlaceholder() {
		String text = "SELECT '${ not a name }', '${}';";
		assertThat(Placeholders.replace("V1__init.sql", text, Map.of())).isSameAs(text);
	}

	@Test
	void failsOnAnUnknownPlaceholderNamingScriptLineAndFix() {
		// Lines end in CRLF, LF and CR: each counts once.
		String text = "-- seed\r\nINSERT INTO a VALUES (1);\r\n\r\n\nINSERT INTO b VALUES (2);\r\n\r"
				+ "INSERT INTO ${tenant}.c VALUES (3);";
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> Placeholders.replace("V3__seed.sql", text, Map.of("schema", "x")))
			.withMessage("V3__seed.sql line 7: unknown placeholder ${tenant}. Give it a value with"
					+ " placeholder(\"tenant\", value) (Spring Boot: stepwise.placeholders.tenant),"
					+ " or turn placeholder replacement off.");
	}

	@Test
	void failsOnAnUnknownPlaceholderOnTheFirstLine() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> Placeholders.replace("R__view.sql", "${known} ${unknown}", Map.of("known", "k")))
			.withMessageStartingWith("R__view.sql line 1: unknown placeholder ${unknown}.");
	}

}
