package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * MySQL's and MariaDB's indexes, from {@code information_schema.statistics}: only the
 * table's own indexes take a name.
 */
final class MySqlIndexCatalog extends IndexCatalog {

	private static final String MYSQL = "SELECT index_name, non_unique, column_name, sub_part, index_type, collation"
			+ " FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?"
			+ " AND index_name IN (SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
			+ " AND table_name = ? AND column_name = ?) ORDER BY index_name, seq_in_index";

	MySqlIndexCatalog(Connection connection, Dialect dialect) {
		super(connection, dialect);
	}

	@Override
	String takenNamesSql() {
		return "SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
				+ " AND table_name = ?";
	}

	@Override
	void bindTakenNames(PreparedStatement statement, String table) throws SQLException {
		statement.setString(1, table);
	}

	@Override
	List<FoundIndex> involving(String table, String column) throws SQLException {
		Map<String, Builder> indexes = new LinkedHashMap<>();
		try (ResultSet rows = query(MYSQL, table, column)) {
			while (rows.next()) {
				Builder index = indexes.computeIfAbsent(rows.getString(1), Builder::new);
				index.kind = (rows.getInt(2) == 0) ? CarriedIndex.Kind.UNIQUE_INDEX : CarriedIndex.Kind.INDEX;
				index.columns.add(rows.getString(3));
				if (index.name.equals("PRIMARY")) {
					index.problem = PRIMARY_KEY;
				}
				else if (rows.getObject(4) != null) {
					index.problem = "it indexes a prefix of a column";
				}
				else if (!"BTREE".equals(rows.getString(5))) {
					index.problem = "it is a " + rows.getString(5) + " index";
				}
				else if ("D".equals(rows.getString(6))) {
					index.problem = "it orders a column DESC";
				}
			}
		}
		return indexes.values().stream().map(Builder::build).toList();
	}

}
