package dev.stepwise.migration.expand;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * Reads from the catalogue the indexes and unique constraints that involve a column, and
 * tells which of them a plain column list recreates faithfully.
 */
final class IndexCatalog {

	private static final String PRIMARY_KEY = "it is the primary key";

	// The index's key columns (null for an expression), and what makes it more than a column list.
	private static final String POSTGRES = "SELECT c.relname, i.indisunique, i.indisprimary, con.contype, con.condeferrable,"
			+ " i.indexprs IS NOT NULL, i.indpred IS NOT NULL, am.amname, i.indnkeyatts <> i.indnatts,"
			+ " EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE o <> 0),"
			+ " EXISTS (SELECT 1 FROM unnest(i.indclass::oid[]) oc JOIN pg_opclass o ON o.oid = oc WHERE NOT o.opcdefault),"
			+ " pg_get_indexdef(i.indexrelid) LIKE '%NULLS NOT DISTINCT%',"
			+ " ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n) LEFT JOIN pg_attribute a"
			+ " ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)"
			+ " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam"
			+ " JOIN pg_attribute col ON col.attrelid = i.indrelid AND col.attname = ?"
			+ " LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid"
			+ " WHERE i.indrelid = CAST(? AS regclass) AND (col.attnum = ANY (i.indkey::int2[]) OR EXISTS (SELECT 1"
			+ " FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid"
			+ " AND d.refobjid = i.indrelid AND d.refobjsubid = col.attnum)) ORDER BY c.relname";

	private static final String MYSQL = "SELECT index_name, non_unique, column_name, sub_part, index_type, collation"
			+ " FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?"
			+ " AND index_name IN (SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
			+ " AND table_name = ? AND column_name = ?) ORDER BY index_name, seq_in_index";

	// Indexes that a constraint owns are read as the constraint (or, for a foreign key, not at all).
	private static final String H2_INDEXES = "SELECT i.index_name, i.index_type_name, c.column_name,"
			+ " c.ordering_specification FROM information_schema.indexes i JOIN information_schema.index_columns c"
			+ " ON c.index_schema = i.index_schema AND c.index_name = i.index_name"
			+ " WHERE i.table_schema = CURRENT_SCHEMA AND i.table_name = ?"
			+ " AND i.index_name IN (SELECT index_name FROM information_schema.index_columns WHERE table_schema = CURRENT_SCHEMA"
			+ " AND table_name = ? AND column_name = ?) AND i.index_name NOT IN (SELECT index_name"
			+ " FROM information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA AND index_name IS NOT NULL)"
			+ " ORDER BY i.index_name, c.ordinal_position";

	private static final String H2_CONSTRAINTS = "SELECT t.constraint_name, t.constraint_type, k.column_name"
			+ " FROM information_schema.table_constraints t JOIN information_schema.key_column_usage k"
			+ " ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name"
			+ " WHERE t.table_schema = CURRENT_SCHEMA AND t.table_name = ? AND t.constraint_type IN ('UNIQUE', 'PRIMARY KEY')"
			+ " AND t.constraint_name IN (SELECT constraint_name FROM information_schema.key_column_usage"
			+ " WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND column_name = ?)"
			+ " ORDER BY t.constraint_name, k.ordinal_position";

	private final Connection connection;

	private final DatabaseType type;

	IndexCatalog(Connection connection, DatabaseType type) {
		this.connection = connection;
		this.type = type;
	}

	/** Every index and unique constraint that involves the column, primary keys included. */
	List<FoundIndex> involving(String table, String column) throws SQLException {
		return switch (this.type) {
			case POSTGRESQL -> postgres(table, column);
			case MYSQL, MARIADB -> mySql(table, column);
			case H2 -> h2(table, column);
		};
	}

	/**
	 * The names a new index must not take: on PostgreSQL every relation of the schema, on
	 * H2 every index and constraint of the schema, on MySQL and MariaDB the table's indexes.
	 */
	Set<String> takenNames(String table) throws SQLException {
		String sql = switch (this.type) {
			case POSTGRESQL -> "SELECT relname FROM pg_class WHERE relnamespace = CAST(current_schema() AS regnamespace)";
			case MYSQL, MARIADB -> "SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
					+ " AND table_name = ?";
			case H2 -> "SELECT index_name FROM information_schema.indexes WHERE table_schema = CURRENT_SCHEMA"
					+ " UNION SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA";
		};
		Set<String> names = new HashSet<>();
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			if (this.type.isMySqlFamily()) {
				statement.setString(1, table);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					// MySQL compares index names without case.
					names.add(this.type.isMySqlFamily() ? rows.getString(1).toLowerCase(Locale.ROOT) : rows.getString(1));
				}
			}
		}
		return names;
	}

	/** On PostgreSQL: whether an index of that name exists in the schema, and whether it is valid. */
	@Nullable Boolean postgresIndexValid(String name) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT i.indisvalid FROM pg_index i"
				+ " JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ?"
				+ " AND c.relnamespace = CAST(current_schema() AS regnamespace)")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getBoolean(1) : null;
			}
		}
	}

	/** On H2: the index that a constraint uses, or {@code null} if there is no such constraint. */
	@Nullable String h2ConstraintIndex(String constraint) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT index_name"
				+ " FROM information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA AND constraint_name = ?")) {
			statement.setString(1, constraint);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	/** On PostgreSQL: whether the table has a constraint of that name. */
	boolean postgresHasConstraint(String table, String name) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(
				"SELECT 1 FROM pg_constraint WHERE conrelid = CAST(? AS regclass) AND conname = ?")) {
			statement.setString(1, this.type.quote(table));
			statement.setString(2, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	private List<FoundIndex> postgres(String table, String column) throws SQLException {
		List<FoundIndex> found = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement(POSTGRES)) {
			statement.setString(1, column);
			statement.setString(2, this.type.quote(table));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String name = rows.getString(1);
					String constraint = rows.getString(4);
					Array array = rows.getArray(13);
					List<@Nullable String> columns = Arrays.asList((String[]) array.getArray());
					String problem = null;
					if (rows.getBoolean(3)) {
						problem = PRIMARY_KEY;
					}
					else if (constraint != null && !constraint.equals("u")) {
						problem = "it belongs to a constraint other than UNIQUE";
					}
					else if (rows.getBoolean(6) || columns.contains(null)) {
						problem = "it indexes an expression";
					}
					else if (rows.getBoolean(7)) {
						problem = "it is partial (has a WHERE clause)";
					}
					else if (!"btree".equals(rows.getString(8))) {
						problem = "it is a " + rows.getString(8) + " index";
					}
					else if (rows.getBoolean(9)) {
						problem = "it has INCLUDE columns";
					}
					else if (rows.getBoolean(10)) {
						problem = "it orders a column DESC or NULLS FIRST";
					}
					else if (rows.getBoolean(11)) {
						problem = "it uses a non-default operator class";
					}
					else if (rows.getBoolean(12)) {
						problem = "it is NULLS NOT DISTINCT";
					}
					else if (constraint != null && rows.getBoolean(5)) {
						problem = "it is a DEFERRABLE constraint";
					}
					CarriedIndex.Kind kind = (constraint != null) ? CarriedIndex.Kind.UNIQUE_CONSTRAINT
							: rows.getBoolean(2) ? CarriedIndex.Kind.UNIQUE_INDEX : CarriedIndex.Kind.INDEX;
					found.add(new FoundIndex(name, kind, columns, problem));
				}
			}
		}
		return found;
	}

	private List<FoundIndex> mySql(String table, String column) throws SQLException {
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

	private List<FoundIndex> h2(String table, String column) throws SQLException {
		Map<String, Builder> indexes = new LinkedHashMap<>();
		try (ResultSet rows = query(H2_CONSTRAINTS, table, column)) {
			while (rows.next()) {
				Builder index = indexes.computeIfAbsent(rows.getString(1), Builder::new);
				index.kind = CarriedIndex.Kind.UNIQUE_CONSTRAINT;
				index.columns.add(rows.getString(3));
				if ("PRIMARY KEY".equals(rows.getString(2))) {
					index.problem = PRIMARY_KEY;
				}
			}
		}
		try (ResultSet rows = query(H2_INDEXES, table, column)) {
			while (rows.next()) {
				Builder index = indexes.computeIfAbsent(rows.getString(1), Builder::new);
				index.kind = "UNIQUE INDEX".equals(rows.getString(2)) ? CarriedIndex.Kind.UNIQUE_INDEX : CarriedIndex.Kind.INDEX;
				index.columns.add(rows.getString(3));
				if (!"INDEX".equals(rows.getString(2)) && !"UNIQUE INDEX".equals(rows.getString(2))) {
					index.problem = "it is a " + rows.getString(2);
				}
				else if ("DESC".equals(rows.getString(4))) {
					index.problem = "it orders a column DESC";
				}
			}
		}
		return indexes.values().stream().map(Builder::build).toList();
	}

	private ResultSet query(String sql, String table, String column) throws SQLException {
		PreparedStatement statement = this.connection.prepareStatement(sql);
		statement.setString(1, table);
		statement.setString(2, table);
		statement.setString(3, column);
		statement.closeOnCompletion();
		return statement.executeQuery();
	}

	/**
	 * An index or unique constraint that involves a column.
	 * @param name its name (the constraint's, for a constraint)
	 * @param kind what it is
	 * @param columns its key columns, {@code null} for an expression
	 * @param problem why a column list cannot recreate it, or {@code null} if it can
	 */
	record FoundIndex(String name, CarriedIndex.Kind kind, List<@Nullable String> columns, @Nullable String problem) {

		boolean primaryKey() {
			return PRIMARY_KEY.equals(this.problem);
		}

	}

	private static final class Builder {

		private final String name;

		private final List<@Nullable String> columns = new ArrayList<>();

		private CarriedIndex.Kind kind = CarriedIndex.Kind.INDEX;

		private @Nullable String problem;

		Builder(String name) {
			this.name = name;
		}

		FoundIndex build() {
			return new FoundIndex(this.name, this.kind, this.columns, this.problem);
		}

	}

}
