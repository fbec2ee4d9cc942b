package dev.stepwise.migration.expand;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/** PostgreSQL's indexes, from {@code pg_index}: every relation of the schema takes a name. */
final class PostgresIndexCatalog extends IndexCatalog {

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

	PostgresIndexCatalog(Connection connection, Dialect dialect) {
		super(connection, dialect);
	}

	@Override
	String takenNamesSql() {
		return "SELECT relname FROM pg_class WHERE relnamespace = CAST(current_schema() AS regnamespace)";
	}

	/** Whether an index of that name exists in the schema, and whether it is valid. */
	@Nullable Boolean indexValid(String name) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT i.indisvalid FROM pg_index i"
				+ " JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ?"
				+ " AND c.relnamespace = CAST(current_schema() AS regnamespace)")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getBoolean(1) : null;
			}
		}
	}

	/** Whether the table has a constraint of that name. */
	boolean hasConstraint(String table, String name) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(
				"SELECT 1 FROM pg_constraint WHERE conrelid = CAST(? AS regclass) AND conname = ?")) {
			statement.setString(1, this.dialect.quote(table));
			statement.setString(2, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	@Override
	List<FoundIndex> involving(String table, String column) throws SQLException {
		List<FoundIndex> found = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement(POSTGRES)) {
			statement.setString(1, column);
			statement.setString(2, this.dialect.quote(table));
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

}
