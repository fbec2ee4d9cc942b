package dev.stepwise.migration.expand;

import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/** MariaDB: MySQL's triggers, replaced in place. */
final class MariaDbSyncTriggers extends MySqlSyncTriggers {

	MariaDbSyncTriggers() {
		super(DatabaseType.MARIADB);
	}

	/** Replaced in place: no moment without a trigger, in which a write would go unsynced. */
	@Override
	List<String> create(ExpansionRecord expansion, String insert, String update) {
		return List.of("CREATE OR REPLACE " + insert, "CREATE OR REPLACE " + update);
	}

}
