package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The expand's sync triggers on the run's table, switched off and on between the rounds
 * that compare the writers' throughput with and without them. PostgreSQL disables them;
 * MariaDB cannot, so they are dropped and created again from their own definitions.
 */
final class SyncTriggers {

	private final ScratchDatabase database;

	private final String table;

	private final List<String> definitions = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	SyncTriggers(ScratchDatabase database, String table) throws SQLException {
		this.database = database;
		this.table = table;
		if (database.vendor() == Vendor.MARIADB) {
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				try (ResultSet rows = statement.executeQuery("SELECT trigger_name FROM information_schema.triggers"
						+ " WHERE event_object_schema = DATABASE() AND event_object_table = '" + table + "'"
						+ " ORDER BY trigger_name")) {
					while (rows.next()) {
						this.names.add(rows.getString(1));
					}
				}
				for (String name : this.names) {
					try (ResultSet row = statement.executeQuery("SHOW CREATE TRIGGER `" + name + "`")) {
						row.next();
						this.definitions.add(row.getString("SQL Original Statement"));
					}
				}
			}
		}
	}

	String describe() throws SQLException {
		if (this.database.vendor() == Vendor.MARIADB) {
			return String.join(", ", this.names);
		}
		return this.database.queryString("SELECT string_agg(tgname, ', ' ORDER BY tgname) FROM pg_trigger"
				+ " WHERE tgrelid = '" + this.table + "'::regclass AND NOT tgisinternal");
	}

	void off() throws SQLException {
		if (this.database.vendor() == Vendor.MARIADB) {
			for (String name : this.names) {
				this.database.execute("DROP TRIGGER `" + name + "`");
			}
		}
		else {
			// USER: every trigger but the internal ones, and the only triggers the table has are the expand's.
			this.database.execute("ALTER TABLE " + this.table + " DISABLE TRIGGER USER");
		}
	}

	void on() throws SQLException {
		if (this.database.vendor() == Vendor.MARIADB) {
			this.database.execute(this.definitions.toArray(String[]::new));
		}
		else {
			this.database.execute("ALTER TABLE " + this.table + " ENABLE TRIGGER USER");
		}
	}

}
