package dev.stepwise.migration.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Small JDBC helpers for assertions: run a statement, read a column, check a table. */
public final class Sql {

	private final DataSource dataSource;

	public Sql(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public void execute(String sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** The first column of every row, as strings. */
	public List<String> column(String query) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(query, ex);
		}
	}

	public int count(String query) {
		return Integer.parseInt(column(query).get(0));
	}

	/** The columns of a table, in lower case, whatever case the database stored them in. */
	public List<String> columns(String table) {
		try (Connection connection = this.dataSource.getConnection()) {
			List<String> columns = new ArrayList<>();
			for (String name : List.of(table, table.toUpperCase(), table.toLowerCase())) {
				try (ResultSet result = connection.getMetaData().getColumns(connection.getCatalog(), null, name, null)) {
					while (result.next()) {
						columns.add(result.getString("COLUMN_NAME").toLowerCase());
					}
				}
				if (!columns.isEmpty()) {
					return columns;
				}
			}
			return columns;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a table exists, from the catalogue, whatever the case of its name. */
	public boolean tableExists(String table) {
		try (Connection connection = this.dataSource.getConnection()) {
			for (String name : List.of(table, table.toUpperCase(), table.toLowerCase())) {
				try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, name, null)) {
					while (tables.next()) {
						String schema = tables.getString("TABLE_SCHEM");
						if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
							return true;
						}
					}
				}
			}
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
