package dev.stepwise.migration;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.expand.ExpansionTables;
import dev.stepwise.migration.internal.history.HistoryTable;

/**
 * Refuses to migrate a schema that has tables but no history, as Flyway does: replaying
 * every script from V1 over tables that a person or another tool built fails halfway at
 * best, and at worst changes them. Stepwise's own state tables do not count.
 */
final class UnknownSchema {

	private static final List<String> STATE_TABLES = List.of(ExpansionTables.EXPANSIONS, ExpansionTables.BACKFILLS,
			ExpansionTables.INSTANCES);

	private static final int LISTED = 20;

	private UnknownSchema() {
	}

	/** Whether the managed schemas hold tables or views that Stepwise did not create. */
	static boolean hasOtherTables(Session session) throws SQLException {
		return !otherTables(session).isEmpty();
	}

	/**
	 * The tables and views Stepwise did not create in the history table's schema, then in
	 * the other managed schemas (qualified), as Flyway looks at all its {@code schemas}.
	 */
	private static List<String> otherTables(Session session) throws SQLException {
		List<String> tables = new ArrayList<>(session.history().otherTables(session.connection(), STATE_TABLES));
		for (String schema : session.otherSchemas()) {
			for (String table : new HistoryTable(session.dialect(), schema, session.history().table())
				.otherTables(session.connection(), STATE_TABLES)) {
				tables.add(schema + "." + table);
			}
		}
		return tables;
	}

	/**
	 * @throws MigrationValidationException naming the tables and the two ways forward, when
	 * the schema has tables and still no history table
	 */
	static void refuseIfNotEmpty(Session session) throws SQLException {
		List<String> tables = otherTables(session);
		// Another instance may have created the history and its first tables since this one
		// looked: then the schema is Stepwise's, and the run under the lock reads it again.
		if (tables.isEmpty() || session.history().exists(session.connection())) {
			return;
		}
		String listed = String.join(", ", tables.subList(0, Math.min(LISTED, tables.size())))
				+ ((tables.size() > LISTED) ? ", ..." : "");
		boolean several = !session.otherSchemas().isEmpty();
		String subject = several ? "The managed schemas " + session.history().schema() + ", "
				+ String.join(", ", session.otherSchemas()) + " are" : "Schema " + session.history().schema() + " is";
		throw new MigrationValidationException(List.of(subject + " not empty (" + tables.size()
				+ " table(s) or view(s): " + listed + ") but there is no history table "
				+ session.history().name() + ", so Stepwise cannot know which migrations built it; nothing was run."
				+ " Adopt it once with baseline(\"<version the schema is at>\"), or migrate with"
				+ " baselineOnMigrate(true) and baselineVersion(...) (Spring Boot: stepwise.baseline-on-migrate=true,"
				+ " stepwise.baseline-version); or point Stepwise at an empty schema (stepwise.schema)."));
	}

}
