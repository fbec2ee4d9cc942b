package dev.stepwise.migration.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.stepwise.migration.api.DatabaseType;

/**
 * PostgreSQL's catalogue through {@code pg_catalog}, which spells types with
 * {@code format_type} and defaults and checks with {@code pg_get_expr} and
 * {@code pg_get_constraintdef}: the spelling its DDL accepts back.
 */
final class PostgresCatalogReader extends VendorCatalogReader {

	private static final String IN_SCHEMA = " n.nspname = current_schema() ";

	PostgresCatalogReader(Connection connection, Set<String> ignored) {
		super(connection, DatabaseType.POSTGRESQL, ignored);
	}

	@Override
	void readTables() throws SQLException {
		query("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND" + IN_SCHEMA,
				(result) -> addTable(result.getString(1)));
	}

	@Override
	void readColumns() throws SQLException {
		query("SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
				+ " pg_get_expr(d.adbin, d.adrelid), a.attidentity FROM pg_attribute a"
				+ " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
				+ " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND" + IN_SCHEMA
				+ " ORDER BY c.relname, a.attnum", (result) -> {
					TableParts table = table(result.getString(1));
					if (table != null) {
						String identity = result.getString(6);
						table.columns.add(new Column(table.name, result.getString(2), result.getString(3),
								!result.getBoolean(4), result.getString(5), identity != null && !identity.isEmpty()));
					}
				});
	}

	@Override
	void readConstraints() throws SQLException {
		query("SELECT t.relname, con.conname, con.contype, pg_get_constraintdef(con.oid),"
				+ " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, pos)"
				+ "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos)::text[],"
				+ " r.relname,"
				+ " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)"
				+ "   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos)::text[],"
				+ " con.confupdtype, con.confdeltype"
				+ " FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid"
				+ " JOIN pg_namespace n ON n.oid = t.relnamespace LEFT JOIN pg_class r ON r.oid = con.confrelid"
				+ " WHERE con.contype IN ('p', 'u', 'f', 'c') AND" + IN_SCHEMA, this::constraint);
	}

	private void constraint(ResultSet result) throws SQLException {
		TableParts table = table(result.getString(1));
		if (table == null) {
			return;
		}
		String name = result.getString(2);
		List<String> columns = strings(result.getArray(5));
		switch (result.getString(3)) {
			case "p" -> table.primaryKey = new PrimaryKey(table.name, name, columns);
			case "u" -> table.uniques.add(new UniqueConstraint(table.name, name, columns));
			case "f" -> table.foreignKeys.add(new ForeignKey(table.name, name, columns, result.getString(6),
					strings(result.getArray(7)), rule(result.getString(8)), rule(result.getString(9))));
			default -> table.checks.add(new Check(table.name, name, checkClause(result.getString(4))));
		}
	}

	/** {@code CHECK ((price > 0)) NOT VALID} to {@code (price > 0)}: validation is not shape. */
	private static String checkClause(String definition) {
		String clause = definition.replaceFirst("^CHECK ", "").replaceFirst(" NOT VALID$", "");
		return clause;
	}

	private static String rule(String code) {
		return switch (code) {
			case "r" -> "RESTRICT";
			case "c" -> "CASCADE";
			case "n" -> "SET NULL";
			case "d" -> "SET DEFAULT";
			default -> "NO ACTION";
		};
	}

	@Override
	void readIndexes() throws SQLException {
		// An index that backs a constraint (primary key, unique, exclusion) belongs to it.
		query("SELECT t.relname, i.relname, x.indisunique,"
				+ " ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) k"
				+ "   ORDER BY k)::text[]"
				+ " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
				+ " JOIN pg_namespace n ON n.oid = t.relnamespace"
				+ " WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid"
				+ "   AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x')) AND" + IN_SCHEMA,
				(result) -> {
					TableParts table = table(result.getString(1));
					if (table != null) {
						table.indexes.add(new Index(table.name, result.getString(2), strings(result.getArray(4)),
								result.getBoolean(3)));
					}
				});
	}

	@Override
	void readSequences() throws SQLException {
		// Sequences owned by an identity or serial column are part of that column.
		query("SELECT s.sequencename, s.start_value, s.increment_by FROM pg_sequences s"
				+ " JOIN pg_class c ON c.relname = s.sequencename JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " AND n.nspname = s.schemaname WHERE s.schemaname = current_schema() AND NOT EXISTS"
				+ " (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')"
				+ "  AND d.refobjsubid > 0)",
				(result) -> this.sequences.add(new Sequence(result.getString(1), result.getLong(2), result.getLong(3))));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}
