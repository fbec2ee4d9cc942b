package dev.stepwise.migration.expand;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.stepwise.migration.api.DatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CarriedIndexTest {

	@Test
	void encodesAndDecodesIndexesWhoseNamesHoldTheSeparators() {
		List<CarriedIndex> indexes = List.of(
				new CarriedIndex("accounts_email_key", "accounts_email_address_key", CarriedIndex.Kind.UNIQUE_CONSTRAINT,
						List.of("email")),
				new CarriedIndex("odd;name,with\nbreak\\", "copy\\n", CarriedIndex.Kind.INDEX, List.of("a,b", "email", "c;d")),
				new CarriedIndex("u", "u2", CarriedIndex.Kind.UNIQUE_INDEX, List.of("")));
		String text = CarriedIndex.encode(indexes);
		assertThat(text).doesNotContain("break\n").startsWith("C;accounts_email_key;accounts_email_address_key;email\n");
		assertThat(CarriedIndex.decode(text)).isEqualTo(indexes);
		assertThat(CarriedIndex.decode(CarriedIndex.encode(List.of()))).isEmpty();
	}

	@Test
	void refusesTextItDidNotWrite() {
		assertThatIllegalStateException().isThrownBy(() -> CarriedIndex.decode("I;only;three"))
			.withMessageContaining("stepwise_expansions");
		assertThatIllegalStateException().isThrownBy(() -> CarriedIndex.decode("X;a;b;c")).withMessageContaining("'X'");
	}

	@Test
	void replacesTheOldColumnInTheColumnList() {
		CarriedIndex index = new CarriedIndex("i", "j", CarriedIndex.Kind.INDEX, List.of("tenant", "email", "id"));
		assertThat(index.columnsWith("email", "email_address")).containsExactly("tenant", "email_address", "id");
	}

	@Test
	void namesACopyAfterTheNewColumnWithinTheDatabasesLimitAndNeverAsTheOriginal() {
		Set<String> taken = new HashSet<>();
		assertThat(ExpansionResolver.newIndexName(DatabaseType.POSTGRESQL, "accounts_email_key", "email", "email_address",
				taken)).isEqualTo("accounts_email_address_key");
		assertThat(ExpansionResolver.newIndexName(DatabaseType.H2, "EMAIL", "EMAIL", "MAIL", taken)).isEqualTo("MAIL");
		assertThat(ExpansionResolver.newIndexName(DatabaseType.POSTGRESQL, "accounts_username_idx", "name", "label",
				taken)).isEqualTo("accounts_username_idx_label");
		String longName = "a".repeat(60) + "_email";
		String shortened = ExpansionResolver.newIndexName(DatabaseType.POSTGRESQL, longName, "email", "email_address",
				taken);
		assertThat(shortened).hasSizeLessThanOrEqualTo(63).startsWith("a".repeat(40)).matches(".*_[0-9a-f]+");
		assertThat(ExpansionResolver.newIndexName(DatabaseType.POSTGRESQL, longName, "email", "email_address", taken))
			.as("deterministic").isEqualTo(shortened);
		assertThat(ExpansionResolver.newIndexName(DatabaseType.MARIADB, "b".repeat(70), "email", "e", taken))
			.hasSizeLessThanOrEqualTo(64);
		taken.add("accounts_email_address_key");
		assertThat(ExpansionResolver.newIndexName(DatabaseType.POSTGRESQL, "accounts_email_key", "email", "email_address",
				taken)).isNotEqualTo("accounts_email_address_key").startsWith("accounts_email_address_key_").hasSizeLessThan(63);
		taken.add("t_x_idx");
		assertThat(ExpansionResolver.newIndexName(DatabaseType.MARIADB, "T_x_idx", "y", "x", Set.of("t_y_idx_x")))
			.isEqualTo("T_x_idx_x");
	}

}
