package dev.stepwise.migration.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The shape of the connection's current schema as the catalogue reports it, one sorted line
 * per fact, so that two snapshots compare with {@code assertEquals} and a difference reads
 * as a diff: tables and views (with their query), columns (position, type, size, nullability,
 * default, auto-increment), primary keys, indexes (unique, columns; on PostgreSQL also
 * whether invalid), foreign keys (columns, target, actions), unique and check constraints
 * (with their condition, and whether validated on PostgreSQL).
 * <p>
 * Names the database generates differently on each creation are left out or normalised:
 * the index behind a primary key (recorded as the key), the counter H2 appends to the
 * index it creates for a foreign key, and PostgreSQL's internal {@code NOT NULL} checks
 * (recorded as the column's nullability).
 */
public final class CatalogSnapshot {

	private final List<String> facts;

	private CatalogSnapshot(List<String> facts) {
		this.facts = facts;
	}

	/**
	 * Reads the current schema of the connection.
	 * @param connection the connection
	 * @param type its database
	 * @return the snapshot
	 * @throws SQLException if the catalogue cannot be read
	 */
	public static CatalogSnapshot take(Connection connection, TestDatabaseType type) throws SQLException {
		return new Reader(connection, type).read();
	}

	/** The facts, sorted. */
	public List<String> facts() {
		return this.facts;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof CatalogSnapshot that) && this.facts.equals(that.facts);
	}

	@Override
	public int hashCode() {
		return this.facts.hashCode();
	}

	@Override
	public String toString() {
		return String.join("\n", this.facts);
	}

	private static final class Reader {

		private final Connection connection;

		private final TestDatabaseType type;

		private final DatabaseMetaData metaData;

		private final @Nullable String catalog;

		private final @Nullable String schema;

		private final TreeSet<String> facts = new TreeSet<>();

		Reader(Connection connection, TestDatabaseType type) throws SQLException {
			this.connection = connection;
			this.type = type;
			this.metaData = connection.getMetaData();
			this.catalog = connection.getCatalog();
			this.schema = (type == TestDatabaseType.MARIADB) ? null : connection.getSchema();
		}

		CatalogSnapshot read() throws SQLException {
			List<String> tables = new ArrayList<>();
			try (ResultSet result = this.metaData.getTables(this.catalog, this.schema, "%",
					new String[] { "TABLE", "VIEW", "BASE TABLE" })) {
				while (result.next()) {
					String name = result.getString("TABLE_NAME");
					String kind = result.getString("TABLE_TYPE");
					if (kind.contains("VIEW")) {
						this.facts.add("view " + name);
					}
					else {
						this.facts.add("table " + name);
						tables.add(name);
					}
				}
			}
			for (String table : tables) {
				readColumns(table);
				String primaryKey = readPrimaryKey(table);
				readIndexes(table, primaryKey);
				readForeignKeys(table);
			}
			readViews();
			readUniqueConstraints();
			readChecks();
			return new CatalogSnapshot(List.copyOf(this.facts));
		}

		private void readColumns(String table) throws SQLException {
			try (ResultSet result = this.metaData.getColumns(this.catalog, this.schema, table, "%")) {
				while (result.next()) {
					this.facts.add("column " + table + "." + result.getString("COLUMN_NAME") + " #"
							+ result.getInt("ORDINAL_POSITION") + " " + result.getString("TYPE_NAME") + "("
							+ result.getInt("COLUMN_SIZE") + "," + result.getInt("DECIMAL_DIGITS") + ") nullable="
							+ result.getString("IS_NULLABLE") + " default=" + result.getString("COLUMN_DEF")
							+ " auto=" + result.getString("IS_AUTOINCREMENT"));
				}
			}
		}

		private String readPrimaryKey(String table) throws SQLException {
			Map<Integer, String> columns = new TreeMap<>();
			String name = null;
			try (ResultSet result = this.metaData.getPrimaryKeys(this.catalog, this.schema, table)) {
				while (result.next()) {
					columns.put(result.getInt("KEY_SEQ"), result.getString("COLUMN_NAME"));
					name = result.getString("PK_NAME");
				}
			}
			if (name != null) {
				this.facts.add("primary key " + table + " " + name + " " + columns.values());
			}
			return name;
		}

		private void readIndexes(String table, String primaryKey) throws SQLException {
			Map<String, Map<Integer, String>> columns = new TreeMap<>();
			Map<String, Boolean> unique = new TreeMap<>();
			try (ResultSet result = this.metaData.getIndexInfo(this.catalog, this.schema, table, false, false)) {
				while (result.next()) {
					String name = result.getString("INDEX_NAME");
					if (name == null || name.equals(primaryKey) || name.equals("PRIMARY")
							|| name.startsWith("PRIMARY_KEY_")) {
						continue;
					}
					name = name.replaceAll("_INDEX_[0-9A-F]+$", "_INDEX_*");
					columns.computeIfAbsent(name, (key) -> new TreeMap<>())
						.put((int) result.getShort("ORDINAL_POSITION"), result.getString("COLUMN_NAME"));
					unique.put(name, !result.getBoolean("NON_UNIQUE"));
				}
			}
			columns.forEach((name, indexColumns) -> this.facts.add("index " + table + "." + name
					+ (unique.get(name) ? " unique " : " ") + indexColumns.values()));
			if (this.type == TestDatabaseType.POSTGRESQL) {
				query("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
						+ " JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
						+ " WHERE NOT i.indisvalid AND t.relname = ? AND n.nspname = current_schema()", table,
						(result) -> "invalid index " + table + "." + result.getString(1));
			}
		}

		private void readForeignKeys(String table) throws SQLException {
			Map<String, List<String>> keys = new TreeMap<>();
			try (ResultSet result = this.metaData.getImportedKeys(this.catalog, this.schema, table)) {
				while (result.next()) {
					String name = result.getString("FK_NAME");
					keys.computeIfAbsent(name, (key) -> new ArrayList<>())
						.add(result.getString("FKCOLUMN_NAME") + "->" + result.getString("PKTABLE_NAME") + "."
								+ result.getString("PKCOLUMN_NAME") + " update=" + result.getShort("UPDATE_RULE")
								+ " delete=" + result.getShort("DELETE_RULE"));
				}
			}
			keys.forEach((name, columns) -> this.facts.add("foreign key " + table + "." + name + " " + columns));
		}

		private void readViews() throws SQLException {
			query("SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = "
					+ currentSchema(), null, (result) -> "view " + result.getString(1) + " as "
							+ String.valueOf(result.getString(2)).replaceAll("\\s+", " ").trim());
		}

		private void readUniqueConstraints() throws SQLException {
			query("SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.COLUMN_NAME, k.ORDINAL_POSITION"
					+ " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
					+ " ON k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND k.TABLE_NAME = tc.TABLE_NAME"
					+ " AND k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
					+ " WHERE tc.CONSTRAINT_TYPE = 'UNIQUE' AND tc.TABLE_SCHEMA = " + currentSchema(), null,
					(result) -> "unique constraint " + result.getString(1) + "." + result.getString(2) + " column "
							+ result.getInt(4) + " " + result.getString(3));
		}

		private void readChecks() throws SQLException {
			switch (this.type) {
				case POSTGRESQL -> query("SELECT t.relname, c.conname, pg_get_constraintdef(c.oid), c.convalidated"
						+ " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
						+ " JOIN pg_namespace n ON n.oid = c.connamespace"
						+ " WHERE c.contype = 'c' AND n.nspname = current_schema()", null,
						(result) -> "check " + result.getString(1) + "." + result.getString(2) + " "
								+ result.getString(3) + " validated=" + result.getBoolean(4));
				case MARIADB -> query("SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE"
						+ " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()", null,
						(result) -> "check " + result.getString(1) + "." + result.getString(2) + " "
								+ result.getString(3));
				case H2 -> query("SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE"
						+ " FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
						+ " ON tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA"
						+ " WHERE cc.CONSTRAINT_SCHEMA = SCHEMA()", null,
						(result) -> "check " + result.getString(1) + "." + result.getString(2) + " "
								+ result.getString(3));
			}
		}

		private String currentSchema() {
			return switch (this.type) {
				case POSTGRESQL -> "current_schema()";
				case MARIADB -> "DATABASE()";
				case H2 -> "SCHEMA()";
			};
		}

		private void query(String sql, @Nullable String parameter, Fact fact) throws SQLException {
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				if (parameter != null) {
					statement.setString(1, parameter);
				}
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						this.facts.add(fact.from(result));
					}
				}
			}
		}

	}

	@FunctionalInterface
	private interface Fact {

		String from(ResultSet result) throws SQLException;

	}

}
