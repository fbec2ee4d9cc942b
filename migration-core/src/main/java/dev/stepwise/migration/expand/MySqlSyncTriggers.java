package dev.stepwise.migration.expand;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/**
 * MySQL (and, through {@link MariaDbSyncTriggers}, MariaDB): a {@code BEFORE INSERT} and a
 * {@code BEFORE UPDATE} trigger, comparing with the null-safe {@code <=>}.
 */
class MySqlSyncTriggers implements SyncTriggers {

	private final DatabaseType type;

	MySqlSyncTriggers() {
		this(DatabaseType.MYSQL);
	}

	MySqlSyncTriggers(DatabaseType type) {
		this.type = type;
	}

	@Override
	public List<String> install(ExpansionRecord expansion) {
		String table = this.type.quote(expansion.table());
		String oldName = this.type.quote(expansion.oldColumn());
		String newName = this.type.quote(expansion.newColumn());
		String oldColumn = "NEW." + oldName;
		String newColumn = "NEW." + newName;
		String toNew = ColumnReferences.replace(expansion.toNew(), expansion.oldColumn(), oldColumn);
		String toOld = ColumnReferences.replace(expansion.toOld(), expansion.newColumn(), newColumn);
		String insert = "TRIGGER " + insertTrigger(expansion) + " BEFORE INSERT ON " + table + " FOR EACH ROW\n"
				+ "BEGIN\n"
				+ "\tIF " + newColumn + " IS NULL THEN SET " + newColumn + " = (" + toNew + ");\n"
				+ "\tELSE SET " + oldColumn + " = (" + toOld + ");\n"
				+ "\tEND IF;\n"
				+ "END";
		String update = "TRIGGER " + updateTrigger(expansion) + " BEFORE UPDATE ON " + table + " FOR EACH ROW\n"
				+ "BEGIN\n"
				+ "\tIF @stepwise_backfill IS NULL THEN\n"
				+ "\t\tIF NOT (" + newColumn + " <=> OLD." + newName + ") THEN SET " + oldColumn + " = (" + toOld + ");\n"
				+ "\t\tELSEIF NOT (" + oldColumn + " <=> OLD." + oldName + ") THEN SET " + newColumn + " = (" + toNew + ");\n"
				+ "\t\tEND IF;\n"
				+ "\tEND IF;\n"
				+ "END";
		return create(expansion, insert, update);
	}

	/**
	 * Statements that create the two triggers, replacing any of the same names: MySQL has no
	 * {@code CREATE OR REPLACE TRIGGER}, so they are dropped first.
	 * @param insert the insert trigger's definition, from {@code TRIGGER} on
	 * @param update the update trigger's definition, from {@code TRIGGER} on
	 */
	List<String> create(ExpansionRecord expansion, String insert, String update) {
		List<String> statements = new ArrayList<>(drop(expansion));
		statements.add("CREATE " + insert);
		statements.add("CREATE " + update);
		return statements;
	}

	@Override
	public List<String> drop(ExpansionRecord expansion) {
		return List.of("DROP TRIGGER IF EXISTS " + insertTrigger(expansion), "DROP TRIGGER IF EXISTS " + updateTrigger(expansion));
	}

	private String insertTrigger(ExpansionRecord expansion) {
		return this.type.quote(expansion.triggerName() + "_ins");
	}

	private String updateTrigger(ExpansionRecord expansion) {
		return this.type.quote(expansion.triggerName() + "_upd");
	}

}
