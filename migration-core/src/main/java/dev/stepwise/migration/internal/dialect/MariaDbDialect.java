package dev.stepwise.migration.internal.dialect;

import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/**
 * MariaDB: MySQL's dialect where the fork went its own way; its catalogue reports a
 * default as SQL and lists column-level checks, and its projects may keep their scripts
 * in MySQL's folder.
 */
final class MariaDbDialect extends MySqlDialect {

	MariaDbDialect() {
		super(DatabaseType.MARIADB);
	}

	@Override
	public List<String> vendors() {
		return List.of(DatabaseType.MARIADB.vendor(), DatabaseType.MYSQL.vendor());
	}

	/** MariaDB reports a default as SQL: a literal quoted, {@code NULL} for an explicit null default. */
	@Override
	public String reportedDefaultAsSql(String reported, String extra) {
		return reported;
	}

	@Override
	public boolean hasColumnLevelChecks() {
		return true;
	}

}
