package dev.stepwise.migration.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB's (and MySQL's) catalogue through {@code information_schema}, types as
 * {@code COLUMN_TYPE} spells them. The index InnoDB creates for a foreign key carries the
 * key's name and belongs to the key; a unique index is a unique constraint there.
 */
final class MariaDbCatalogReader extends VendorCatalogReader {

	private static final String IN_SCHEMA = " TABLE_SCHEMA = DATABASE() ";

	private final Set<String> constraintNames = new HashSet<>();

	private final List<String> sequenceNames = new ArrayList<>();

	MariaDbCatalogReader(Connection connection, DatabaseType type, Set<String> ignored) {
		super(connection, type, ignored);
	}

	@Override
	void readTables() throws SQLException {
		query("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE" + IN_SCHEMA, (result) -> {
			String kind = result.getString(2);
			if ("BASE TABLE".equals(kind)) {
				addTable(result.getString(1));
			}
			else if ("SEQUENCE".equals(kind)) {
				this.sequenceNames.add(result.getString(1));
			}
		});
	}

	@Override
	void readColumns() throws SQLException {
		query("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
				+ " FROM information_schema.COLUMNS WHERE" + IN_SCHEMA + " ORDER BY TABLE_NAME, ORDINAL_POSITION",
				(result) -> {
					TableParts table = table(result.getString(1));
					if (table != null) {
						String extra = String.valueOf(result.getString(6)).toLowerCase(Locale.ROOT);
						table.columns.add(new Column(table.name, result.getString(2), result.getString(3),
								"YES".equals(result.getString(4)), defaultValue(result.getString(5)),
								extra.contains("auto_increment")));
					}
				});
	}

	/** MariaDB reports "no default" as the word NULL (a string NULL default is quoted). */
	private static @Nullable String defaultValue(@Nullable String value) {
		return (value == null || value.equals("NULL")) ? null : value;
	}

	@Override
	void readConstraints() throws SQLException {
		Map<String, String> kinds = new HashMap<>();
		query("SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
				+ " WHERE CONSTRAINT_SCHEMA = DATABASE()",
				(result) -> kinds.put(result.getString(1) + "\u0000" + result.getString(2), result.getString(3)));
		KeyColumns columns = new KeyColumns();
		KeyColumns referenced = new KeyColumns();
		Map<String, String> referencedTables = new HashMap<>();
		query("SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, REFERENCED_TABLE_NAME,"
				+ " REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA = DATABASE()",
				(result) -> {
					String key = result.getString(1) + "\u0000" + result.getString(2);
					columns.add(key, result.getInt(4), result.getString(3));
					if (result.getString(5) != null) {
						referenced.add(key, result.getInt(4), result.getString(6));
						referencedTables.put(key, result.getString(5));
					}
				});
		Map<String, String[]> rules = new HashMap<>();
		query("SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM"
				+ " information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()",
				(result) -> rules.put(result.getString(1) + "\u0000" + result.getString(2),
						new String[] { result.getString(3), result.getString(4) }));
		for (Map.Entry<String, String> entry : kinds.entrySet()) {
			String[] parts = entry.getKey().split("\u0000");
			TableParts table = table(parts[0]);
			if (table == null) {
				continue;
			}
			String name = parts[1];
			switch (entry.getValue()) {
				case "PRIMARY KEY" -> table.primaryKey = new PrimaryKey(table.name, name, columns.columns(entry.getKey()));
				case "UNIQUE" -> {
					table.uniques.add(new UniqueConstraint(table.name, name, columns.columns(entry.getKey())));
					this.constraintNames.add(table.name + "\u0000" + name);
				}
				case "FOREIGN KEY" -> {
					String[] rule = rules.getOrDefault(entry.getKey(), new String[] { "NO ACTION", "NO ACTION" });
					table.foreignKeys.add(new ForeignKey(table.name, name, columns.columns(entry.getKey()),
							referencedTables.get(entry.getKey()), referenced.columns(entry.getKey()),
							normalRule(rule[0]), normalRule(rule[1])));
					this.constraintNames.add(table.name + "\u0000" + name);
				}
				default -> {
					// Checks are read with their clause below.
				}
			}
		}
		query("SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
				+ " WHERE CONSTRAINT_SCHEMA = DATABASE()", (result) -> {
					TableParts table = table(result.getString(1));
					if (table != null) {
						table.checks.add(new Check(table.name, result.getString(2), result.getString(3)));
					}
				});
	}

	/** RESTRICT and NO ACTION are the same thing in InnoDB; MariaDB reports the one it was given. */
	private static String normalRule(String rule) {
		return "RESTRICT".equals(rule) ? "NO ACTION" : rule;
	}

	@Override
	void readIndexes() throws SQLException {
		KeyColumns columns = new KeyColumns();
		Map<String, Boolean> unique = new HashMap<>();
		query("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART"
				+ " FROM information_schema.STATISTICS WHERE" + IN_SCHEMA, (result) -> {
					String key = result.getString(1) + "\u0000" + result.getString(2);
					if (result.getString(2).equals("PRIMARY") || this.constraintNames.contains(key)) {
						return;
					}
					String column = result.getString(5);
					String prefix = result.getString(6);
					columns.add(key, result.getInt(4), (prefix != null) ? column + "(" + prefix + ")" : column);
					unique.put(key, result.getInt(3) == 0);
				});
		columns.byName.forEach((key, byPosition) -> {
			String[] parts = key.split("\u0000");
			TableParts table = table(parts[0]);
			if (table != null) {
				table.indexes.add(new Index(table.name, parts[1], columns.columns(key), unique.get(key)));
			}
		});
	}

	@Override
	void readSequences() throws SQLException {
		for (String name : this.sequenceNames) {
			try (Statement statement = connection().createStatement();
					ResultSet result = statement.executeQuery("SELECT start_value, increment FROM "
							+ DatabaseType.MARIADB.quote(name))) {
				result.next();
				this.sequences.add(new Sequence(name, result.getLong(1), result.getLong(2)));
			}
		}
	}

}
