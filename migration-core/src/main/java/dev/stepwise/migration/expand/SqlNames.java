package dev.stepwise.migration.expand;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spells a new name the way the database stores an unquoted one, so that application SQL
 * written without quotes finds the new column.
 */
final class SqlNames {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private SqlNames() {
	}

	static String storedSpelling(DatabaseMetaData metaData, String name) throws SQLException {
		if (!PLAIN.matcher(name).matches()) {
			return name;
		}
		if (metaData.storesUpperCaseIdentifiers()) {
			return name.toUpperCase(Locale.ROOT);
		}
		if (metaData.storesLowerCaseIdentifiers()) {
			return name.toLowerCase(Locale.ROOT);
		}
		return name;
	}

}
