package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.stepwise.migration.api.DatabaseType;

/**
 * A table's row count from the catalogue's statistics, counted only when there are none.
 */
final class RowCountEstimate {

	private RowCountEstimate() {
	}

	static long of(Connection connection, DatabaseType type, String table) throws SQLException {
		String sql = switch (type) {
			case POSTGRESQL -> "SELECT reltuples::bigint FROM pg_class WHERE oid = CAST(? AS regclass)";
			case MYSQL, MARIADB -> "SELECT table_rows FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?";
			case H2 -> "SELECT row_count_estimate FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA AND table_name = ?";
		};
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, (type == DatabaseType.POSTGRESQL) ? type.quote(table) : table);
			try (ResultSet rows = statement.executeQuery()) {
				// PostgreSQL reports -1 for a table never analyzed.
				if (rows.next() && rows.getLong(1) >= 0 && !rows.wasNull()) {
					return rows.getLong(1);
				}
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + type.quote(table))) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
