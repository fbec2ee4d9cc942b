package dev.stepwise.migration.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stepwise.migration.api.DatabaseType;

/**
 * H2's (2.x) catalogue through {@code INFORMATION_SCHEMA}, types rebuilt in H2's own DDL
 * spelling from their parts. The indexes H2 creates for constraints are named in
 * {@code TABLE_CONSTRAINTS.INDEX_NAME} (as {@code <constraint>_INDEX_<n>}) and belong to them.
 */
final class H2CatalogReader extends VendorCatalogReader {

	private static final Set<String> WITH_LENGTH = Set.of("CHARACTER VARYING", "CHARACTER", "VARCHAR_IGNORECASE",
			"BINARY VARYING", "BINARY");

	private static final java.util.regex.Pattern OWN_INDEX = java.util.regex.Pattern
		.compile("(.*_INDEX_|PRIMARY_KEY_)[0-9A-F]+");

	private final Set<String> constraintIndexes = new HashSet<>();

	H2CatalogReader(Connection connection, Set<String> ignored) {
		super(connection, DatabaseType.H2, ignored);
	}

	@Override
	void readTables() throws SQLException {
		query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA()"
				+ " AND TABLE_TYPE = 'BASE TABLE'", (result) -> addTable(result.getString(1)));
	}

	@Override
	void readColumns() throws SQLException {
		Map<String, List<String>> enums = new HashMap<>();
		query("SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
				+ " WHERE OBJECT_SCHEMA = SCHEMA() AND OBJECT_TYPE = 'TABLE' ORDER BY VALUE_ORDINAL",
				(result) -> enums.computeIfAbsent(result.getString(1) + "\u0000" + result.getString(2),
						(key) -> new java.util.ArrayList<>())
					.add("'" + result.getString(3).replace("'", "''") + "'"));
		query("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
				+ " DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, DTD_IDENTIFIER"
				+ " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA() ORDER BY TABLE_NAME, ORDINAL_POSITION",
				(result) -> {
					TableParts table = table(result.getString(1));
					if (table != null) {
						String type = type(result);
						if (type.equals("ENUM")) {
							type = "ENUM(" + String.join(", ", enums.getOrDefault(
									result.getString(1) + "\u0000" + result.getString(11), List.of())) + ")";
						}
						boolean identity = "YES".equals(result.getString(10));
						table.columns.add(new Column(table.name, result.getString(2), type,
								"YES".equals(result.getString(8)), identity ? null : result.getString(9), identity));
					}
				});
	}

	private static String type(ResultSet result) throws SQLException {
		String type = result.getString(3);
		if (WITH_LENGTH.contains(type)) {
			return type + "(" + result.getLong(4) + ")";
		}
		if (type.equals("NUMERIC") || type.equals("DECIMAL")) {
			return type + "(" + result.getInt(5) + ", " + result.getInt(6) + ")";
		}
		if (type.startsWith("TIMESTAMP") || type.startsWith("TIME")) {
			int space = type.indexOf(' ');
			String precision = "(" + result.getInt(7) + ")";
			return (space < 0) ? type + precision : type.substring(0, space) + precision + type.substring(space);
		}
		return type;
	}

	@Override
	void readConstraints() throws SQLException {
		KeyColumns columns = new KeyColumns();
		Map<String, Map<Integer, Integer>> positions = new HashMap<>();
		query("SELECT CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, POSITION_IN_UNIQUE_CONSTRAINT"
				+ " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA = SCHEMA()", (result) -> {
					columns.add(result.getString(1), result.getInt(3), result.getString(2));
					positions.computeIfAbsent(result.getString(1), (key) -> new java.util.TreeMap<>())
						.put(result.getInt(3), result.getInt(4));
				});
		Map<String, String[]> references = new HashMap<>();
		query("SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE"
				+ " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = SCHEMA()",
				(result) -> references.put(result.getString(1),
						new String[] { result.getString(2), result.getString(3), result.getString(4) }));
		Map<String, String> checks = new HashMap<>();
		query("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
				+ " WHERE CONSTRAINT_SCHEMA = SCHEMA()", (result) -> checks.put(result.getString(1), result.getString(2)));
		Map<String, String> tablesOfConstraints = new HashMap<>();
		query("SELECT CONSTRAINT_NAME, TABLE_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
				+ " WHERE CONSTRAINT_SCHEMA = SCHEMA()", (result) -> tablesOfConstraints.put(result.getString(1),
						result.getString(2)));
		query("SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE, INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
				+ " WHERE CONSTRAINT_SCHEMA = SCHEMA()", (result) -> {
					String index = result.getString(4);
					// An index H2 made for the constraint belongs to it; one the user made and the
					// constraint borrowed stays the user's.
					if (index != null && OWN_INDEX.matcher(index).matches()) {
						this.constraintIndexes.add(index);
					}
					TableParts table = table(result.getString(1));
					if (table == null) {
						return;
					}
					String name = result.getString(2);
					switch (result.getString(3)) {
						case "PRIMARY KEY" -> table.primaryKey = new PrimaryKey(table.name, name, columns.columns(name));
						case "UNIQUE" -> table.uniques.add(new UniqueConstraint(table.name, name, columns.columns(name)));
						case "FOREIGN KEY" -> {
							String[] reference = references.get(name);
							List<String> target = columns.columns(reference[0]);
							List<String> referenced = positions.get(name)
								.values()
								.stream()
								.map((position) -> target.get(position - 1))
								.toList();
							table.foreignKeys.add(new ForeignKey(table.name, name, columns.columns(name),
									tablesOfConstraints.get(reference[0]), referenced, normalRule(reference[1]),
									normalRule(reference[2])));
						}
						case "CHECK" -> table.checks.add(new Check(table.name, name, checks.get(name)));
						default -> {
						}
					}
				});
	}

	/** H2 treats RESTRICT as NO ACTION. */
	private static String normalRule(String rule) {
		return "RESTRICT".equals(rule) ? "NO ACTION" : rule;
	}

	@Override
	void readIndexes() throws SQLException {
		KeyColumns columns = new KeyColumns();
		Map<String, String[]> indexes = new HashMap<>();
		query("SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION"
				+ " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
				+ " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME"
				+ " WHERE i.TABLE_SCHEMA = SCHEMA()", (result) -> {
					String name = result.getString(2);
					if (this.constraintIndexes.contains(name)) {
						return;
					}
					indexes.put(name, new String[] { result.getString(1), result.getString(3) });
					columns.add(name, result.getInt(5), result.getString(4));
				});
		indexes.forEach((name, index) -> {
			TableParts table = table(index[0]);
			if (table != null) {
				table.indexes.add(new Index(table.name, name, columns.columns(name), index[1].startsWith("UNIQUE")));
			}
		});
	}

	@Override
	void readSequences() throws SQLException {
		query("SELECT SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
				+ " WHERE SEQUENCE_SCHEMA = SCHEMA() AND SEQUENCE_NAME NOT LIKE 'SYSTEM_SEQUENCE_%'",
				(result) -> this.sequences.add(new Sequence(result.getString(1), result.getLong(2), result.getLong(3))));
	}

}
