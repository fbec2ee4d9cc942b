package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.backfill.TableRows;
import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class ExpandContractPostgresTest extends AbstractExpandContractIntegrationTest {

	/**
	 * An inline backfill runs without a BEFORE UPDATE trigger: old code's updates are copied
	 * by an AFTER trigger, other updates of the backfilled column are refused, and the usual
	 * trigger is back once the expand (or the undo of a contract) returns.
	 */
	@Test
	void columnBackfilledInlineIsGuardedUntilItsTriggerIsInstalled() throws SQLException {
		TableRows.execute(this.database.dataSource(), "CREATE TABLE accounts_guard (id INT PRIMARY KEY, name VARCHAR(50))",
				"INSERT INTO accounts_guard SELECT g, 'name ' || g FROM generate_series(1, 500) g");
		List<String> duringExpand = new ArrayList<>();
		Expansions expansions = new Expansions(this.database.dataSource(), DatabaseType.POSTGRESQL,
				EngineSettings.defaults(this.database.dataSource()))
			.targetBatchDuration(Duration.ofMillis(5))
			.backfillListener((progress) -> {
				if (duringExpand.isEmpty()) {
					duringExpand.addAll(triggers("accounts_guard"));
					assertThatExceptionOfType(SQLException.class)
						.isThrownBy(() -> TableRows.execute(this.database.dataSource(),
								"UPDATE accounts_guard SET display_name = 'new code' WHERE id = 1"))
						.withMessageContaining("Stepwise is backfilling accounts_guard.display_name")
						.withMessageContaining("backfillInBackground()");
					insert("INSERT INTO accounts_guard (id, display_name) VALUES (1001, 'inserted by new code')");
					insert("UPDATE accounts_guard SET name = 'updated by old code' WHERE id = 2");
				}
			});
		expansions.expand(ColumnChange.renameColumn("accounts_guard", "name", "display_name"), MigrationVersion.parse("2"));
		assertThat(duringExpand).containsExactly("stepwise_accounts_guard_display_name",
				"stepwise_accounts_guard_display_name_copy", "stepwise_accounts_guard_display_name_guard");
		assertThat(triggers("accounts_guard")).containsExactly("stepwise_accounts_guard_display_name");
		assertThat(TableRows.query(this.database.dataSource(), "SELECT name, display_name FROM accounts_guard WHERE id IN (2, 1001) ORDER BY id"))
			.containsExactly(List.of("updated by old code", "updated by old code"),
					List.of("inserted by new code", "inserted by new code"));
		TableRows.execute(this.database.dataSource(), "UPDATE accounts_guard SET display_name = 'new code' WHERE id = 1");
		assertThat(TableRows.query(this.database.dataSource(), "SELECT name FROM accounts_guard WHERE id = 1"))
			.containsExactly(List.of("new code"));

		expansions.contract("accounts_guard.display_name");
		assertThat(triggers("accounts_guard")).isEmpty();
		expansions.undoContract("accounts_guard.display_name");
		assertThat(triggers("accounts_guard")).containsExactly("stepwise_accounts_guard_display_name");
		assertThat(TableRows.count(this.database.dataSource(), "SELECT COUNT(*) FROM pg_proc WHERE proname LIKE 'stepwise_accounts_guard%'"))
			.as("the sync function only: the backfill's are dropped with their triggers").isOne();
		assertThat(TableRows.count(this.database.dataSource(), "SELECT COUNT(*) FROM accounts_guard WHERE name IS DISTINCT FROM display_name"))
			.isZero();
	}

	private List<String> triggers(String table) {
		try {
			return TableRows.query(this.database.dataSource(), "SELECT tgname FROM pg_trigger WHERE tgrelid = '" + table
					+ "'::regclass AND NOT tgisinternal ORDER BY tgname").stream().map((row) -> row.get(0)).toList();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void insert(String sql) {
		try (Connection connection = this.database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
