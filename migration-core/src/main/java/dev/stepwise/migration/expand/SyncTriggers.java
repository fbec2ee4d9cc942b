package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/**
 * The DDL that installs and removes the triggers keeping an expanded change's two columns
 * equal. Every dialect implements the same rule:
 * <ol>
 * <li>INSERT: a missing new value is computed from the old column; else the old value from
 * the new column. Old code writes only the old column and new code only the new one; the
 * new column has no DEFAULT while both live, so an insert that gives it is new code's,
 * even when the old column's DEFAULT filled that one.</li>
 * <li>UPDATE that changes the new column (whether or not it also changes the old one): the
 * old column is recomputed from the new. The new column wins, because only new code (or a
 * person who knows both columns) writes it.</li>
 * <li>UPDATE that changes only the old column: the new column is recomputed from it.</li>
 * <li>UPDATE marked by a backfill ({@code stepwise.backfill} on PostgreSQL,
 * {@code @stepwise_backfill} on MySQL/MariaDB and H2): nothing, because the backfill writes
 * the synced value itself.</li>
 * </ol>
 */
interface SyncTriggers {

	/** Statements that install (or replace) the triggers. */
	List<String> install(ExpansionRecord expansion);

	/**
	 * Statements that install the triggers for the time an inline backfill fills
	 * {@code backfilledColumn}, while only code that writes the other column runs: the
	 * triggers then need not stand in the backfill's way. Where the database gains nothing
	 * from it, or the table has no primary key, the same as {@link #install}.
	 * @param connection the connection, to read the catalogue where needed
	 * @param expansion the change
	 * @param backfilledColumn the column the backfill fills
	 */
	default List<String> installForBackfill(Connection connection, ExpansionRecord expansion, String backfilledColumn)
			throws SQLException {
		return install(expansion);
	}

	/** Statements that replace the triggers of {@link #installForBackfill} by the usual ones; none where they are the same. */
	default List<String> installAfterBackfill(ExpansionRecord expansion) {
		return List.of();
	}

	/** Statements that remove the triggers, if present. */
	List<String> drop(ExpansionRecord expansion);

	static SyncTriggers of(DatabaseType type) {
		return switch (type) {
			case POSTGRESQL -> new PostgresSyncTriggers();
			case MYSQL -> new MySqlSyncTriggers();
			case MARIADB -> new MariaDbSyncTriggers();
			case H2 -> new H2SyncTriggers();
		};
	}

	/** {@code stepwise_<table>_<new column>}, or a hash of it where that would be too long for a name. */
	static String baseName(String table, String newColumn) {
		String name = "stepwise_" + table + "_" + newColumn;
		return (name.length() <= 50) ? name : "stepwise_" + Integer.toHexString((table + "." + newColumn).hashCode());
	}

}
