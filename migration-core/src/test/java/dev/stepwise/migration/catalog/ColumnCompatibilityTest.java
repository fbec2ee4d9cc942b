package dev.stepwise.migration.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which type changes the running release survives, as each database spells the types. */
class ColumnCompatibilityTest {

	@Test
	void wideningsKeepEveryValueTheOldReleaseWrites() {
		assertThat(ColumnCompatibility.widens("character varying(100)", "character varying(200)")).isTrue();
		assertThat(ColumnCompatibility.widens("CHARACTER VARYING(100)", "CHARACTER VARYING")).isTrue();
		assertThat(ColumnCompatibility.widens("varchar(100)", "text")).isTrue();
		assertThat(ColumnCompatibility.widens("numeric(10,2)", "numeric(12,2)")).isTrue();
		assertThat(ColumnCompatibility.widens("NUMERIC(10, 2)", "NUMERIC(12, 3)")).isTrue();
		assertThat(ColumnCompatibility.widens("int", "bigint")).isTrue();
		assertThat(ColumnCompatibility.widens("INTEGER", "BIGINT")).isTrue();
	}

	@Test
	void otherChangesBreakIt() {
		assertThat(ColumnCompatibility.widens("character varying(200)", "character varying(100)")).isFalse();
		assertThat(ColumnCompatibility.widens("numeric(10,2)", "numeric(10,0)")).isFalse();
		assertThat(ColumnCompatibility.widens("numeric(10,2)", "numeric(10,3)")).as("one integer digit less").isFalse();
		assertThat(ColumnCompatibility.widens("numeric(10,2)", "bigint")).isFalse();
		assertThat(ColumnCompatibility.widens("bigint", "integer")).isFalse();
		assertThat(ColumnCompatibility.widens("varchar(10)", "integer")).isFalse();
	}

	@Test
	void aNewNotNullBreaksItAndAWideningAloneDoesNot() {
		Column before = new Column("t", "c", "varchar(10)", true, null, false);
		assertThat(ColumnCompatibility.breaking(before, new Column("t", "c", "varchar(20)", true, null, false))).isNull();
		assertThat(ColumnCompatibility.breaking(before, new Column("t", "c", "varchar(20)", false, null, false)))
			.isEqualTo("becomes NOT NULL");
		assertThat(ColumnCompatibility.breaking(before, new Column("t", "c", "integer", true, null, false)))
			.isEqualTo("changes type varchar(10) -> integer");
	}

}
