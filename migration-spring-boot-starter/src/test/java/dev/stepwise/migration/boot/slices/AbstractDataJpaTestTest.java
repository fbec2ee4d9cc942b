package dev.stepwise.migration.boot.slices;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} runs the migrations before Hibernate starts, and Hibernate leaves
 * the migrated schema alone (no {@code create-drop} on an embedded database).
 * <p>
 * {@code @Transactional} here too: a class-level one on the subclass does not reach the
 * methods declared here.
 */
@Transactional
abstract class AbstractDataJpaTestTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	TestEntityManager entities;

	@Test
	void migratesBeforeTheTestAndHibernateKeepsTheSchema() {
		MigratedDatabase.assertMigrated(this.dataSource);
	}

	@Test
	void entitiesReadTheMigratedRows() {
		Book book = this.entities.find(Book.class, 1L);
		assertThat(book).isNotNull();
		assertThat(book.getTitle()).isEqualTo("Refactoring Databases");
	}

}
