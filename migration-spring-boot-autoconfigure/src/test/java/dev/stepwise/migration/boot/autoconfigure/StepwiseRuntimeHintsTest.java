package dev.stepwise.migration.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints a native image needs: the default location's scripts, also per vendor, and the
 * H2 trigger class that H2 creates by name.
 */
class StepwiseRuntimeHintsTest {

	private final RuntimeHints hints = new RuntimeHints();

	StepwiseRuntimeHintsTest() {
		new StepwiseRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void includesTheScriptsOfTheDefaultLocation() {
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__create_users.sql"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/postgresql/V3__add_index.sql"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/other/V1__create_users.sql"))
			.rejects(this.hints);
	}

	@Test
	void letsH2CreateTheSyncTriggerByName() {
		TypeReference trigger = TypeReference.of(StepwiseRuntimeHints.H2_SYNC_TRIGGER);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(trigger)
			.withMemberCategories(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS))
			.accepts(this.hints);
	}

	@Test
	void namesTheRealTriggerClass() throws ClassNotFoundException {
		assertThat(Class.forName(StepwiseRuntimeHints.H2_SYNC_TRIGGER)).isNotNull();
	}

}
