package dev.stepwise.migration.boot.slices;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JooqTest} runs the migrations before jOOQ uses the database.
 */
abstract class AbstractJooqTestTest {

	@Autowired
	DSLContext dsl;

	@Autowired
	DataSource dataSource;

	@Test
	void migratesBeforeTheTest() {
		assertThat(this.dsl.fetchCount(DSL.table("books"))).isEqualTo(1);
		MigratedDatabase.assertMigrated(this.dataSource);
	}

}
