package dev.stepwise.migration;

import dev.stepwise.migration.api.MigrateResult;
import dev.stepwise.migration.api.PlannedMigration;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class FlywaySettingsPostgresTest extends AbstractFlywaySettingsTest {

	/** Only PostgreSQL has statements that cannot run in a transaction, so only here can a script mix them. */
	@Test
	void mixedRunsAScriptWithANonTransactionalStatementWithoutATransactionAsFlywayDoes() {
		this.scripts.write("V4__customers.sql", """
				CREATE TABLE customers (id INT, email VARCHAR(100));
				CREATE INDEX CONCURRENTLY customers_email ON customers (email);
				""");
		assertThatThrownBy(() -> configure().load().migrate()).isInstanceOf(StepwiseException.class)
			.hasMessageContaining("V4__customers.sql line 2: CREATE INDEX CONCURRENTLY cannot run inside a transaction")
			.hasMessageContaining("stepwise.mixed=true");
		assertThat(this.sql.tableExists("customers")).isFalse();

		assertThatThrownBy(() -> configure().mixed(true).group(true).load().migrate())
			.hasMessageContaining("V4__customers.sql runs without a transaction")
			.hasMessageContaining("No migration was applied");
		assertThat(this.sql.tableExists("orders")).isFalse();

		MigrateResult result = configure().mixed(true).load().migrate();

		assertThat(result.plan()).filteredOn((step) -> step.script().equals("V4__customers.sql"))
			.extracting(PlannedMigration::transactional)
			.containsExactly(false);
		assertThat(this.sql.count("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'customers_email'")).isEqualTo(1);
		assertThat(this.sql.column("SELECT CAST(success AS VARCHAR) FROM stepwise_history WHERE version = '4'"))
			.containsExactly("true");
	}

}
