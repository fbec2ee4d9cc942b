package dev.stepwise.migration.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.stepwise.migration.api.DatabaseType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random scripts built from known statements must split back into exactly those
 * statements, with their lines. A failure prints the seed of the failing script; run
 * again with {@code -Dstepwise.sql.fuzz.seed=<base seed>} to repeat the whole run, or with
 * another base seed to explore new scripts (the default is fixed, so CI is repeatable).
 */
class SqlScriptParserFuzzTest {

	private static final int SCRIPTS_PER_DATABASE = 5000;

	private static final long BASE_SEED = Long.getLong("stepwise.sql.fuzz.seed", 20261128L);

	@ParameterizedTest
	@EnumSource(DatabaseType.class)
	void randomScriptsSplitIntoTheStatementsTheyAreMadeOf(DatabaseType type) {
		Random seeds = new Random(BASE_SEED);
		int statements = 0;
		for (int i = 0; i < SCRIPTS_PER_DATABASE; i++) {
			long seed = seeds.nextLong();
			RandomScripts.Script script = new RandomScripts(type, new Random(seed)).next();
			List<RandomScripts.Expected> actual;
			try {
				SqlScript parsed = SqlScriptParser.parse("V1__random.sql", script.text(), type);
				assertThat(parsed.transactional()).isTrue();
				actual = parsed.statements().stream().map((statement) -> new RandomScripts.Expected(statement.sql(), statement.line(), statement.copyData())).toList();
			}
			catch (RuntimeException ex) {
				throw new AssertionError(failure(type, seed, script) + "\nthrew " + ex, ex);
			}
			if (!actual.equals(script.statements())) {
				fail(failure(type, seed, script) + "\nexpected: " + visible(script.statements()) + "\nactual:   " + visible(actual));
			}
			statements += actual.size();
		}
		assertThat(statements).as("statements checked").isGreaterThan(SCRIPTS_PER_DATABASE * 3);
	}

	/**
	 * The generated scripts are hard enough to catch a splitter that ignores quotes and
	 * comments: most of them split differently at every delimiter.
	 */
	@ParameterizedTest
	@EnumSource(DatabaseType.class)
	void naiveSplittingGetsMostRandomScriptsWrong(DatabaseType type) {
		Random seeds = new Random(BASE_SEED);
		int scripts = 0;
		int wrong = 0;
		for (int i = 0; i < 1000; i++) {
			RandomScripts.Script script = new RandomScripts(type, new Random(seeds.nextLong())).next();
			if (script.statements().size() < 2) {
				continue;
			}
			scripts++;
			List<String> expected = script.statements().stream().map(RandomScripts.Expected::sql).toList();
			if (!naiveSplit(script.text()).equals(expected)) {
				wrong++;
			}
		}
		assertThat(wrong).as("scripts a naive splitter gets wrong, of %d", scripts).isGreaterThan(scripts * 3 / 4);
	}

	private static List<String> naiveSplit(String text) {
		List<String> statements = new ArrayList<>();
		for (String part : text.split(";")) {
			if (!part.isBlank()) {
				statements.add(part.strip());
			}
		}
		return statements;
	}

	private static String failure(DatabaseType type, long seed, RandomScripts.Script script) {
		return type + " script from seed " + seed + " (base seed " + BASE_SEED + "):\n---\n" + visible(script.text()) + "\n---";
	}

	private static String visible(Object text) {
		return String.valueOf(text).replace("\r", "\\r").replace("\t", "\\t");
	}

}
