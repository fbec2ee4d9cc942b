package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.backfill.TableRows;

/**
 * A table's columns as the catalogue describes them, to compare schemas in tests.
 */
final class Catalogue {

	private Catalogue() {
	}

	/** {@code name type(size) NULL|NOT NULL} per column, sorted by name. */
	static List<String> columns(DataSource dataSource, DatabaseType type, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			String name = (type == DatabaseType.H2) ? table.toUpperCase(Locale.ROOT) : table;
			String schema = type.isMySqlFamily() ? null : connection.getSchema();
			try (ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), schema, name, null)) {
				while (rows.next()) {
					columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + rows.getString("TYPE_NAME")
							+ "(" + rows.getInt("COLUMN_SIZE") + ") " + ("NO".equals(rows.getString("IS_NULLABLE")) ? "NOT NULL" : "NULL"));
				}
			}
		}
		columns.sort(null);
		return columns;
	}

	/** The names of the triggers on a table. */
	static List<String> triggers(DataSource dataSource, DatabaseType type, String table) throws SQLException {
		String sql = switch (type) {
			case POSTGRESQL -> "SELECT tgname FROM pg_trigger WHERE tgrelid = '" + table + "'::regclass AND NOT tgisinternal";
			case MYSQL, MARIADB -> "SELECT trigger_name FROM information_schema.triggers WHERE event_object_schema = DATABASE()"
					+ " AND event_object_table = '" + table + "'";
			case H2 -> "SELECT trigger_name FROM information_schema.triggers WHERE event_object_table = '"
					+ table.toUpperCase(Locale.ROOT) + "'";
		};
		return TableRows.query(dataSource, sql).stream().map((row) -> row.get(0)).toList();
	}

}
