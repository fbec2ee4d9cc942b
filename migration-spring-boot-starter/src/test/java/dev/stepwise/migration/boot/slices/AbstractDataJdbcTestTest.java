package dev.stepwise.migration.boot.slices;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code @DataJdbcTest} runs the migrations before Spring Data JDBC uses the database.
 */
abstract class AbstractDataJdbcTestTest {

	@Autowired
	DataSource dataSource;

	@Test
	void migratesBeforeTheTest() {
		MigratedDatabase.assertMigrated(this.dataSource);
	}

}
