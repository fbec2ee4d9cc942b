package dev.stepwise.migration.internal.dialect;

import java.util.regex.Pattern;

/**
 * The statements that commit the open transaction by themselves on MySQL, MariaDB and H2
 * (the MySQL manual's "Statements That Cause an Implicit Commit", as far as a migration
 * uses them; H2 commits before and after DDL alike).
 */
final class ImplicitCommit {

	private static final Pattern DDL = Pattern.compile(
			"\\s*(CREATE|ALTER|DROP|RENAME|TRUNCATE|GRANT|REVOKE|LOCK\\s+TABLES|UNLOCK\\s+TABLES|ANALYZE|OPTIMIZE|REPAIR)\\b",
			Pattern.CASE_INSENSITIVE);

	private ImplicitCommit() {
	}

	static boolean isDdl(String statement) {
		return DDL.matcher(statement).lookingAt();
	}

}
