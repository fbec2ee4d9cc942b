package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/** MySQL's and MariaDB's column definitions, from {@code information_schema.columns}. */
final class MySqlColumnCatalog extends ColumnCatalog {

	MySqlColumnCatalog(Connection connection, Dialect dialect) {
		super(connection, dialect);
	}

	@Override
	String definitionSql() {
		return "SELECT column_type, is_nullable = 'NO', column_default,"
				+ " NULLIF(TRIM(REPLACE(extra, 'DEFAULT_GENERATED', '')), '')"
				+ " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?";
	}

	/** MariaDB spells "no default" of a nullable column as the word NULL. */
	@Override
	@Nullable String defaultValue(ResultSet rows) throws SQLException {
		String defaultValue = super.defaultValue(rows);
		return "NULL".equalsIgnoreCase(defaultValue) ? null : defaultValue;
	}

	/** What {@code extra} says beyond a default, such as {@code a column with AUTO_INCREMENT}. */
	@Override
	@Nullable String special(ResultSet rows) throws SQLException {
		String extra = super.special(rows);
		return (extra != null) ? "a column with " + extra.toUpperCase(Locale.ROOT) : null;
	}

}
