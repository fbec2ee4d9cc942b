package dev.stepwise.sample;

import java.util.UUID;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample on a named in-memory H2 database, which outlives a context so that a second
 * instance can start on it.
 */
class SampleApplicationH2Tests extends AbstractSampleApplicationTests {

	static final String URL = "jdbc:h2:mem:sample_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL);
	}

	@Override
	String databaseUrl() {
		return URL;
	}

	@Test
	@Override
	@Disabled("Engine gap on H2: H2 checks NOT NULL before BEFORE INSERT triggers run, so while users.name"
			+ " (NOT NULL) and display_name are both there, an insert that writes only display_name fails with"
			+ " 'NULL not allowed for column NAME' instead of the sync trigger filling name. PostgreSQL and"
			+ " MariaDB pass this test. Needs the expand to relax the old column's NOT NULL on H2.")
	void renamesAColumnInThreeStepsWithAContractThatWaitsForTheOldRelease() throws Exception {
		super.renamesAColumnInThreeStepsWithAContractThatWaitsForTheOldRelease();
	}

}
