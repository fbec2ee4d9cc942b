package dev.stepwise.migration.boot.slices;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code @JdbcTest} runs the migrations before the test's JdbcTemplate is used.
 */
abstract class AbstractJdbcTestTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void migratesBeforeTheTest() {
		MigratedDatabase.assertMigrated(this.jdbc.getDataSource());
	}

}
