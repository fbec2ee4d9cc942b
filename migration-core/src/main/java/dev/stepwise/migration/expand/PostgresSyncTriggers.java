package dev.stepwise.migration.expand;

import java.util.List;

import dev.stepwise.migration.dialect.DatabaseType;

/**
 * PostgreSQL: one PL/pgSQL function and one {@code BEFORE INSERT OR UPDATE OF} trigger, so
 * that an update touching neither column does not call the function at all; its
 * {@code WHEN} clause skips a backfill's rows without calling the function either.
 */
final class PostgresSyncTriggers implements SyncTriggers {

	private static final DatabaseType TYPE = DatabaseType.POSTGRESQL;

	private static final String BODY_QUOTE = "$stepwise_sync$";

	@Override
	public List<String> install(ExpansionRecord expansion) {
		String table = SqlNames.quote(TYPE, expansion.table());
		String name = SqlNames.quote(TYPE, expansion.triggerName());
		String oldColumn = "NEW." + SqlNames.quote(TYPE, expansion.oldColumn());
		String newColumn = "NEW." + SqlNames.quote(TYPE, expansion.newColumn());
		String toNew = ColumnReferences.replace(expansion.toNew(), expansion.oldColumn(), oldColumn);
		String toOld = ColumnReferences.replace(expansion.toOld(), expansion.newColumn(), newColumn);
		if ((toNew + toOld).contains(BODY_QUOTE)) {
			throw new IllegalArgumentException("A conversion expression of " + expansion.id() + " contains " + BODY_QUOTE);
		}
		String function = "CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS " + BODY_QUOTE + "\n"
				+ "BEGIN\n"
				+ "\tIF TG_OP = 'INSERT' THEN\n"
				+ "\t\tIF " + newColumn + " IS NULL THEN " + newColumn + " := (" + toNew + ");\n"
				+ "\t\tELSIF " + oldColumn + " IS NULL THEN " + oldColumn + " := (" + toOld + ");\n"
				+ "\t\tEND IF;\n"
				+ "\tELSIF " + newColumn + " IS DISTINCT FROM OLD." + SqlNames.quote(TYPE, expansion.newColumn()) + " THEN\n"
				+ "\t\t" + oldColumn + " := (" + toOld + ");\n"
				+ "\tELSIF " + oldColumn + " IS DISTINCT FROM OLD." + SqlNames.quote(TYPE, expansion.oldColumn()) + " THEN\n"
				+ "\t\t" + newColumn + " := (" + toNew + ");\n"
				+ "\tEND IF;\n"
				+ "\tRETURN NEW;\n"
				+ "END " + BODY_QUOTE;
		return List.of(function, "DROP TRIGGER IF EXISTS " + name + " ON " + table,
				"CREATE TRIGGER " + name + " BEFORE INSERT OR UPDATE OF " + SqlNames.quote(TYPE, expansion.oldColumn()) + ", "
						+ SqlNames.quote(TYPE, expansion.newColumn()) + " ON " + table + " FOR EACH ROW"
						+ " WHEN (current_setting('stepwise.backfill', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION " + name + "()");
	}

	@Override
	public List<String> drop(ExpansionRecord expansion) {
		String name = SqlNames.quote(TYPE, expansion.triggerName());
		return List.of("DROP TRIGGER IF EXISTS " + name + " ON " + SqlNames.quote(TYPE, expansion.table()),
				"DROP FUNCTION IF EXISTS " + name + "()");
	}

}
