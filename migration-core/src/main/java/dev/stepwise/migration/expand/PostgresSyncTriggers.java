package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * PostgreSQL: one PL/pgSQL function and one {@code BEFORE INSERT OR UPDATE OF} both columns
 * trigger, so that an update touching neither column does not call the function at all; its
 * {@code WHEN} clause skips a backfill's rows without calling the function either.
 * <p>
 * While an inline backfill fills one column, the triggers take another shape
 * ({@link #installForBackfill}). Any {@code BEFORE UPDATE} row trigger, whatever its column
 * list or {@code WHEN} clause, makes PostgreSQL fetch and lock each row before updating it:
 * that made a 1,000,000-row UPDATE about a sixth slower, measured here. So for that time:
 * <ul>
 * <li>{@code BEFORE INSERT} keeps inserts in sync, as always;</li>
 * <li>an {@code AFTER UPDATE OF} the column the running code writes copies a changed value
 * into the backfilled column with a second UPDATE by primary key, which only that code's
 * writes pay;</li>
 * <li>a statement trigger refuses any other UPDATE of the backfilled column, which nothing
 * would carry to the other column until {@link #installAfterBackfill} restores the usual
 * trigger.</li>
 * </ul>
 */
final class PostgresSyncTriggers implements SyncTriggers {

	private static final DatabaseType TYPE = DatabaseType.POSTGRESQL;

	private static final String BODY_QUOTE = "$stepwise_sync$";

	private static final String NOT_BACKFILL = "current_setting('stepwise.backfill', true) IS DISTINCT FROM 'on'";

	@Override
	public List<String> install(ExpansionRecord expansion) {
		List<String> statements = new ArrayList<>();
		statements.add(syncFunction(expansion));
		statements.add(dropTrigger(expansion, ""));
		statements.add(createTrigger(expansion, "", "BEFORE INSERT OR UPDATE OF " + q(expansion.oldColumn()) + ", "
				+ q(expansion.newColumn()) + " ON " + q(expansion.table()) + " FOR EACH ROW WHEN (" + NOT_BACKFILL + ")"));
		statements.addAll(dropBackfillPhase(expansion));
		return statements;
	}

	@Override
	public List<String> installForBackfill(Connection connection, ExpansionRecord expansion, String backfilledColumn)
			throws SQLException {
		List<String> key = new PostgresColumnCatalog(connection, Dialect.of(TYPE)).primaryKey(expansion.table());
		if (key.isEmpty()) {
			return install(expansion);
		}
		boolean fillsNew = backfilledColumn.equals(expansion.newColumn());
		String written = fillsNew ? expansion.oldColumn() : expansion.newColumn();
		String conversion = fillsNew ? expansion.toNew() : expansion.toOld();
		String value = checked(expansion, ColumnReferences.replace(conversion, written, "NEW." + q(written)));
		String byKey = key.stream().map((column) -> q(column) + " = NEW." + q(column)).collect(Collectors.joining(" AND "));
		String copy = "CREATE OR REPLACE FUNCTION " + name(expansion, "_copy") + "() RETURNS trigger LANGUAGE plpgsql AS "
				+ BODY_QUOTE + "\n"
				+ "BEGIN\n"
				+ "\tUPDATE " + q(expansion.table()) + " SET " + q(backfilledColumn) + " = (" + value + ")\n"
				+ "\t\tWHERE " + byKey + " AND " + q(backfilledColumn) + " IS DISTINCT FROM (" + value + ");\n"
				+ "\tRETURN NULL;\n"
				+ "END " + BODY_QUOTE;
		String column = checked(expansion, (expansion.table() + "." + backfilledColumn).replace("'", "''"));
		String guard = "CREATE OR REPLACE FUNCTION " + name(expansion, "_guard") + "() RETURNS trigger LANGUAGE plpgsql AS "
				+ BODY_QUOTE + "\n"
				+ "BEGIN\n"
				+ "\tRAISE EXCEPTION 'Stepwise is backfilling %, so no other UPDATE may write it yet', '" + column + "'\n"
				+ "\t\tUSING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Run the code that writes this column once the"
				+ " migration that changes it has finished, as the Stepwise starter does; or expand the change with"
				+ " backfillInBackground(), whose triggers accept such writes at once.';\n"
				+ "END " + BODY_QUOTE;
		String table = q(expansion.table());
		return List.of(syncFunction(expansion), copy, guard, dropTrigger(expansion, ""),
				createTrigger(expansion, "", "BEFORE INSERT ON " + table + " FOR EACH ROW"), dropTrigger(expansion, "_copy"),
				createTrigger(expansion, "_copy", "AFTER UPDATE OF " + q(written) + " ON " + table + " FOR EACH ROW WHEN (NEW."
						+ q(written) + " IS DISTINCT FROM OLD." + q(written) + ")"),
				dropTrigger(expansion, "_guard"),
				// The copy's own UPDATE runs at trigger depth 1, and a backfill's batches mark themselves.
				createTrigger(expansion, "_guard", "BEFORE UPDATE OF " + q(backfilledColumn) + " ON " + table
						+ " FOR EACH STATEMENT WHEN (" + NOT_BACKFILL + " AND pg_trigger_depth() = 0)"));
	}

	@Override
	public List<String> installAfterBackfill(ExpansionRecord expansion) {
		return install(expansion);
	}

	@Override
	public List<String> drop(ExpansionRecord expansion) {
		List<String> statements = new ArrayList<>();
		statements.add(dropTrigger(expansion, ""));
		statements.addAll(dropBackfillPhase(expansion));
		statements.add("DROP FUNCTION IF EXISTS " + name(expansion, "") + "()");
		return statements;
	}

	private static List<String> dropBackfillPhase(ExpansionRecord expansion) {
		return List.of(dropTrigger(expansion, "_copy"), dropTrigger(expansion, "_guard"),
				"DROP FUNCTION IF EXISTS " + name(expansion, "_copy") + "()",
				"DROP FUNCTION IF EXISTS " + name(expansion, "_guard") + "()");
	}

	/**
	 * The function of the usual trigger, and of the insert trigger while a backfill runs.
	 * An insert that gives the new column is new code's: the old column follows it, even
	 * when the old column's DEFAULT gave it a value.
	 */
	private static String syncFunction(ExpansionRecord expansion) {
		String oldColumn = "NEW." + q(expansion.oldColumn());
		String newColumn = "NEW." + q(expansion.newColumn());
		String toNew = checked(expansion, ColumnReferences.replace(expansion.toNew(), expansion.oldColumn(), oldColumn));
		String toOld = checked(expansion, ColumnReferences.replace(expansion.toOld(), expansion.newColumn(), newColumn));
		return "CREATE OR REPLACE FUNCTION " + name(expansion, "") + "() RETURNS trigger LANGUAGE plpgsql AS " + BODY_QUOTE + "\n"
				+ "BEGIN\n"
				+ "\tIF TG_OP = 'INSERT' THEN\n"
				+ "\t\tIF " + newColumn + " IS NULL THEN " + newColumn + " := (" + toNew + ");\n"
				+ "\t\tELSE " + oldColumn + " := (" + toOld + ");\n"
				+ "\t\tEND IF;\n"
				+ "\tELSIF " + newColumn + " IS DISTINCT FROM OLD." + q(expansion.newColumn()) + " THEN\n"
				+ "\t\t" + oldColumn + " := (" + toOld + ");\n"
				+ "\tELSIF " + oldColumn + " IS DISTINCT FROM OLD." + q(expansion.oldColumn()) + " THEN\n"
				+ "\t\t" + newColumn + " := (" + toNew + ");\n"
				+ "\tEND IF;\n"
				+ "\tRETURN NEW;\n"
				+ "END " + BODY_QUOTE;
	}

	private static String createTrigger(ExpansionRecord expansion, String suffix, String definition) {
		return "CREATE TRIGGER " + name(expansion, suffix) + " " + definition + " EXECUTE FUNCTION " + name(expansion, suffix)
				+ "()";
	}

	private static String dropTrigger(ExpansionRecord expansion, String suffix) {
		return "DROP TRIGGER IF EXISTS " + name(expansion, suffix) + " ON " + q(expansion.table());
	}

	/** A trigger's or function's name: each trigger runs the function of the same name. */
	private static String name(ExpansionRecord expansion, String suffix) {
		return q(expansion.triggerName() + suffix);
	}

	private static String checked(ExpansionRecord expansion, String text) {
		if (text.contains(BODY_QUOTE)) {
			throw new IllegalArgumentException("A conversion expression or name of " + expansion.id() + " contains " + BODY_QUOTE);
		}
		return text;
	}

	private static String q(String identifier) {
		return TYPE.quote(identifier);
	}

}
