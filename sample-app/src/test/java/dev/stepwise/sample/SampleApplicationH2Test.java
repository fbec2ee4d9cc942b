package dev.stepwise.sample;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample on a named in-memory H2 database, which outlives a context so that a second
 * instance can start on it.
 */
class SampleApplicationH2Test extends AbstractSampleApplicationTest {

	static final String URL = "jdbc:h2:mem:sample_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL);
	}

	@Override
	String databaseUrl() {
		return URL;
	}

}
