package dev.stepwise.migration.expand;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnReferencesTest {

	@Test
	void replacesWordsInAnyCaseAndQuotedNames() {
		assertThat(ColumnReferences.replace("CAST(amount * 100 AS BIGINT) + \"amount\" + AMOUNT", "amount", "NEW.x"))
			.isEqualTo("CAST(NEW.x * 100 AS BIGINT) + NEW.x + NEW.x");
		assertThat(ColumnReferences.replace("`amount` + 1", "amount", "NEW.`amount`")).isEqualTo("NEW.`amount` + 1");
	}

	@Test
	void leavesLiteralsCommentsQualifiedNamesAndFunctionsAlone() {
		assertThat(ColumnReferences.replace("'amount' || 'it''s amount' || amount", "amount", "?"))
			.isEqualTo("'amount' || 'it''s amount' || ?");
		assertThat(ColumnReferences.replace("other.amount + amount -- amount\n + amount(1)", "amount", "?"))
			.isEqualTo("other.amount + ? -- amount\n + amount(1)");
		assertThat(ColumnReferences.replace("amounts + amount_new + \"Amount\"", "amount", "?"))
			.isEqualTo("amounts + amount_new + \"Amount\"");
	}

	@Test
	void recognisesAPlainCopy() {
		assertThat(ColumnReferences.isColumnAlone(" \"name\" ", "name")).isTrue();
		assertThat(ColumnReferences.isColumnAlone("NAME", "name")).isTrue();
		assertThat(ColumnReferences.isColumnAlone("COALESCE(name, 'x')", "name")).isFalse();
	}

}
