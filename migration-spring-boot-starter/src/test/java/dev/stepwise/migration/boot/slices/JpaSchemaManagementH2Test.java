package dev.stepwise.migration.boot.slices;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole JPA application on an embedded database: Stepwise owns the schema, so Hibernate
 * does not drop and recreate the migrated tables (its default there is {@code create-drop}).
 */
@SpringBootTest(properties = "spring.main.banner-mode=off")
class JpaSchemaManagementH2Test {

	@Autowired
	DataSource dataSource;

	@Autowired
	EntityManager entities;

	@Test
	@Transactional
	void hibernateKeepsTheMigratedSchemaAndRows() {
		MigratedDatabase.assertMigrated(this.dataSource);
		Book book = this.entities.find(Book.class, 1L);
		assertThat(book).isNotNull();
		assertThat(book.getTitle()).isEqualTo("Refactoring Databases");
	}

}
