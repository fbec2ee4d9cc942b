package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.Sql;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class SessionSettingsPostgresTest extends AbstractSessionSettingsTest {

	@Override
	String settingsQuery() {
		return "SELECT 'lock_timeout=' || current_setting('lock_timeout') || ' statement_timeout='"
				+ " || current_setting('statement_timeout') || ' client_connection_check_interval='"
				+ " || current_setting('client_connection_check_interval')";
	}

	/**
	 * A killed application's session keeps its locks until its statement ends unless the
	 * server checks the client's socket: the engine has it checked while it migrates.
	 */
	@Test
	void migrationsRunWithTheClientConnectionCheckedAndTheSettingGoesBackAfterwards() {
		this.scripts.write("V1__record_setting.sql",
				"CREATE TABLE seen AS SELECT current_setting('client_connection_check_interval') AS interval");
		java.util.List<String> before = settingsOfEveryPooledConnection();
		configure().load().migrate();
		assertThat(new Sql(pooled()).column("SELECT interval FROM seen")).containsExactly("1s");
		assertThat(settingsOfEveryPooledConnection()).containsExactlyInAnyOrderElementsOf(before);
	}

}
