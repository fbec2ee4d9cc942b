package dev.stepwise.migration.expand;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.dialect.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: one PL/pgSQL function, fired by three triggers: {@code BEFORE INSERT},
 * {@code BEFORE UPDATE OF} the old column and {@code BEFORE UPDATE OF} the new one.
 * <p>
 * Column-specific triggers fire only for an UPDATE whose SET list names their column, so
 * an update touching neither column does not fire them at all. That also lets a backfill
 * run with no row trigger in its way ({@link #installSparing}): a row trigger whose
 * {@code WHEN} clause skips the backfill's rows still made a 1,000,000-row UPDATE about a
 * quarter slower, measured here. While the backfilled column is spared, a statement
 * trigger refuses any other UPDATE of it, which no trigger would carry to the other
 * column; the {@code WHEN} clauses remain for backfills that run beside every trigger.
 */
final class PostgresSyncTriggers implements SyncTriggers {

	private static final DatabaseType TYPE = DatabaseType.POSTGRESQL;

	private static final String BODY_QUOTE = "$stepwise_sync$";

	private static final String NOT_BACKFILL = "WHEN (current_setting('stepwise.backfill', true) IS DISTINCT FROM 'on')";

	@Override
	public List<String> install(ExpansionRecord expansion) {
		return statements(expansion, null);
	}

	@Override
	public List<String> installSparing(ExpansionRecord expansion, String backfilledColumn) {
		return statements(expansion, backfilledColumn);
	}

	@Override
	public List<String> completeSpared(ExpansionRecord expansion, String backfilledColumn) {
		Trigger spared = backfilledColumn.equals(expansion.oldColumn()) ? Trigger.UPDATE_OF_OLD : Trigger.UPDATE_OF_NEW;
		String table = SqlNames.quote(TYPE, expansion.table());
		return List.of("DROP TRIGGER IF EXISTS " + guard(expansion) + " ON " + table,
				"DROP TRIGGER IF EXISTS " + spared.name(expansion) + " ON " + table, create(expansion, spared),
				"DROP FUNCTION IF EXISTS " + guard(expansion) + "()");
	}

	@Override
	public List<String> drop(ExpansionRecord expansion) {
		String table = SqlNames.quote(TYPE, expansion.table());
		List<String> statements = new ArrayList<>();
		for (Trigger trigger : Trigger.values()) {
			statements.add("DROP TRIGGER IF EXISTS " + trigger.name(expansion) + " ON " + table);
		}
		statements.add("DROP TRIGGER IF EXISTS " + guard(expansion) + " ON " + table);
		statements.add("DROP FUNCTION IF EXISTS " + function(expansion) + "()");
		statements.add("DROP FUNCTION IF EXISTS " + guard(expansion) + "()");
		return statements;
	}

	private List<String> statements(ExpansionRecord expansion, @Nullable String spared) {
		String table = SqlNames.quote(TYPE, expansion.table());
		List<String> statements = new ArrayList<>();
		statements.add(functionDefinition(expansion));
		for (Trigger trigger : Trigger.values()) {
			statements.add("DROP TRIGGER IF EXISTS " + trigger.name(expansion) + " ON " + table);
			String column = trigger.column(expansion);
			if (column == null || !column.equals(spared)) {
				statements.add(create(expansion, trigger));
			}
		}
		statements.add("DROP TRIGGER IF EXISTS " + guard(expansion) + " ON " + table);
		if (spared != null) {
			statements.add(guardDefinition(expansion, spared));
			statements.add("CREATE TRIGGER " + guard(expansion) + " BEFORE UPDATE OF " + SqlNames.quote(TYPE, spared) + " ON "
					+ table + " FOR EACH STATEMENT " + NOT_BACKFILL + " EXECUTE FUNCTION " + guard(expansion) + "()");
		}
		else {
			statements.add("DROP FUNCTION IF EXISTS " + guard(expansion) + "()");
		}
		return statements;
	}

	/** A function that refuses the statement: the spared column is Stepwise's until its backfill ends. */
	private static String guardDefinition(ExpansionRecord expansion, String spared) {
		String column = (expansion.table() + "." + spared).replace("'", "''");
		if (column.contains(BODY_QUOTE)) {
			throw new IllegalArgumentException("The name of " + expansion.id() + " contains " + BODY_QUOTE);
		}
		return "CREATE OR REPLACE FUNCTION " + guard(expansion) + "() RETURNS trigger LANGUAGE plpgsql AS " + BODY_QUOTE + "\n"
				+ "BEGIN\n"
				+ "\tRAISE EXCEPTION 'Stepwise is backfilling %, so no other UPDATE may write it yet', '" + column + "'\n"
				+ "\t\tUSING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Run the code that writes this column once the"
				+ " migration that changes it has finished, as the Stepwise starter does; or expand the change with"
				+ " backfillInBackground(), whose triggers accept it at once.';\n"
				+ "END " + BODY_QUOTE;
	}

	private static String create(ExpansionRecord expansion, Trigger trigger) {
		return "CREATE TRIGGER " + trigger.name(expansion) + " BEFORE " + trigger.event(expansion) + " ON "
				+ SqlNames.quote(TYPE, expansion.table()) + " FOR EACH ROW " + NOT_BACKFILL + " EXECUTE FUNCTION "
				+ function(expansion) + "()";
	}

	private static String functionDefinition(ExpansionRecord expansion) {
		String oldColumn = "NEW." + SqlNames.quote(TYPE, expansion.oldColumn());
		String newColumn = "NEW." + SqlNames.quote(TYPE, expansion.newColumn());
		String toNew = ColumnReferences.replace(expansion.toNew(), expansion.oldColumn(), oldColumn);
		String toOld = ColumnReferences.replace(expansion.toOld(), expansion.newColumn(), newColumn);
		if ((toNew + toOld).contains(BODY_QUOTE)) {
			throw new IllegalArgumentException("A conversion expression of " + expansion.id() + " contains " + BODY_QUOTE);
		}
		return "CREATE OR REPLACE FUNCTION " + function(expansion) + "() RETURNS trigger LANGUAGE plpgsql AS " + BODY_QUOTE + "\n"
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
	}

	private static String function(ExpansionRecord expansion) {
		return SqlNames.quote(TYPE, expansion.triggerName());
	}

	/** The statement trigger guarding a spared column, and its function. */
	private static String guard(ExpansionRecord expansion) {
		return SqlNames.quote(TYPE, expansion.triggerName() + "_guard");
	}

	/** The three triggers; they fire in name order, and the function gives the same result run twice. */
	private enum Trigger {

		INSERT(""), UPDATE_OF_OLD("_old"), UPDATE_OF_NEW("_new");

		private final String suffix;

		Trigger(String suffix) {
			this.suffix = suffix;
		}

		String name(ExpansionRecord expansion) {
			return SqlNames.quote(TYPE, expansion.triggerName() + this.suffix);
		}

		/** The column whose update fires the trigger, or {@code null} for the insert trigger. */
		@Nullable String column(ExpansionRecord expansion) {
			return switch (this) {
				case INSERT -> null;
				case UPDATE_OF_OLD -> expansion.oldColumn();
				case UPDATE_OF_NEW -> expansion.newColumn();
			};
		}

		String event(ExpansionRecord expansion) {
			String column = column(expansion);
			return (column != null) ? "UPDATE OF " + SqlNames.quote(TYPE, column) : "INSERT";
		}

	}

}
