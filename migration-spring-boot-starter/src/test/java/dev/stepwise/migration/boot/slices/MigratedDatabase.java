package dev.stepwise.migration.boot.slices;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every slice must see: the schema and rows of both migrations, and their history.
 */
final class MigratedDatabase {

	private MigratedDatabase() {
	}

	static void assertMigrated(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("SELECT title, author FROM books WHERE id = 1")
			.query((row, index) -> row.getString(1) + " by " + row.getString(2))
			.list()).containsExactly("Refactoring Databases by Ambler");
		List<String> history = jdbc.sql("SELECT version FROM stepwise_history ORDER BY installed_rank")
			.query(String.class)
			.list();
		assertThat(history).containsExactly("1", "2");
	}

}
