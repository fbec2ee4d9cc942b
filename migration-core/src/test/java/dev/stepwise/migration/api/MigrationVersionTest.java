package dev.stepwise.migration.api;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MigrationVersionTest {

	@Test
	void comparesPartByPartNumerically() {
		List<String> sorted = Stream.of("10", "1.10", "2", "1.9", "1", "1.1.1", "2026.11.28.1", "1.2")
			.map(MigrationVersion::parse)
			.sorted()
			.map(MigrationVersion::toString)
			.toList();
		assertThat(sorted).containsExactly("1", "1.1.1", "1.2", "1.9", "1.10", "2", "10", "2026.11.28.1");
	}

	@Test
	void dotsUnderscoresAndTrailingZerosMakeNoDifference() {
		assertThat(MigrationVersion.parse("1_1")).isEqualTo(MigrationVersion.parse("1.1"))
			.hasSameHashCodeAs(MigrationVersion.parse("1.1"));
		assertThat(MigrationVersion.parse("1.0.0")).isEqualTo(MigrationVersion.parse("1"));
		assertThat(MigrationVersion.parse("0")).isEqualTo(MigrationVersion.EMPTY);
		assertThat(MigrationVersion.parse("1_1")).hasToString("1.1");
	}

	@Test
	void longTimestampVersionsFit() {
		assertThat(MigrationVersion.parse("20261128164135.2").isNewerThan(MigrationVersion.parse("20261128164135.1")))
			.isTrue();
	}

	@Test
	void rejectsWhatIsNotDottedNumbers() {
		for (String bad : List.of("", "a", "1.", ".1", "1..2", "1-2", "v1", "1.a", "1234567890123456789")) {
			assertThatIllegalArgumentException().isThrownBy(() -> MigrationVersion.parse(bad))
				.withMessageContaining("Invalid migration version '" + bad + "'");
		}
	}

}
