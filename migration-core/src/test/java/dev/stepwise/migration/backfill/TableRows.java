package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Reads query results as plain lists of text values, to compare tables in tests.
 */
public final class TableRows {

	private TableRows() {
	}

	/**
	 * @param dataSource the database
	 * @param sql a query, ordered so that results compare
	 * @return every row, each value as text ({@code null} for SQL NULL)
	 */
	public static List<List<String>> query(DataSource dataSource, String sql) throws SQLException {
		List<List<String>> result = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			ResultSetMetaData metaData = rows.getMetaData();
			while (rows.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= metaData.getColumnCount(); i++) {
					Object value = rows.getObject(i);
					row.add((value != null) ? value.toString() : null);
				}
				result.add(row);
			}
		}
		return result;
	}

	public static long count(DataSource dataSource, String sql) throws SQLException {
		return Long.parseLong(query(dataSource, sql).get(0).get(0));
	}

	public static void execute(DataSource dataSource, String... statements) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
