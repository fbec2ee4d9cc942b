package dev.stepwise.migration.schema;

import java.util.List;

/** MariaDB's DDL: MySQL's, except where the fork went its own way. */
final class MariaDbDdl extends MySqlDdl {

	MariaDbDdl(Identifiers names) {
		super(names);
	}

	/** MariaDB drops a check as the constraint it is, with {@code DROP CONSTRAINT}. */
	@Override
	List<Step> dropCheck(String table, String name) {
		return List.of(Step.of(alter(table) + "DROP CONSTRAINT " + q(name)));
	}

}
