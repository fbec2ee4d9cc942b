package dev.stepwise.migration.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.stepwise.migration.catalog.Difference.Added;
import dev.stepwise.migration.catalog.Difference.Changed;
import dev.stepwise.migration.catalog.Difference.Dropped;
import dev.stepwise.migration.catalog.Difference.Renamed;
import dev.stepwise.migration.expand.ColumnChange;

/**
 * The whole change as the calls of a Java {@code SchemaMigration} on the public schema DSL
 * ({@code generate --java}), so that the engine works out its undo: each call either has an
 * automatic inverse or is given what it drops ({@code dropColumn(table, Column)},
 * {@code dropIndex(table, name, columns)}...).
 * <ol>
 * <li>The expands first, then the differences in the comparison's order, then the
 * contracts and the defaults they leave to set.</li>
 * <li>Types are written as the database spells them ({@code Type.sql("character varying(100)")}),
 * so the class is for the database it was generated on, as the SQL is.</li>
 * <li>What the DSL cannot say (sequences, an identity that is not a {@code BIGINT} primary key,
 * a primary key added to an existing table) is listed as unsupported, and nothing is written.</li>
 * </ol>
 */
final class SchemaMigrationWriter {

	private final ScriptDdl ddl;

	private final List<String> lines = new ArrayList<>();

	private final List<String> unsupported = new ArrayList<>();

	private SchemaMigrationWriter(ScriptDdl ddl) {
		this.ddl = ddl;
	}

	static GeneratedSchemaMigration write(CatalogDiff diff, Catalog current, WriteOptions options, List<ColumnChange> expands,
			List<String> contracts, List<Column> defaults) {
		SchemaMigrationWriter writer = new SchemaMigrationWriter(ScriptDdl.of(current.type()));
		expands.forEach((change) -> writer.lines.add("schema.expand(" + JavaMigrationWriter.call(change) + ")"));
		Set<String> keptTables = new HashSet<>();
		if (!options.allowDrop()) {
			diff.differences()
				.stream()
				.filter((difference) -> difference instanceof Dropped dropped && dropped.object() instanceof Table)
				.forEach((difference) -> keptTables.add(((Table) ((Dropped) difference).object()).name()));
		}
		for (Difference difference : diff.differences()) {
			if (difference instanceof Renamed renamed) {
				writer.call("renameColumn", renamed.before().table(), renamed.before().name(), renamed.after().name());
			}
			else if (difference instanceof Added added) {
				writer.added(added.object(), current);
			}
			else if (difference instanceof Dropped dropped) {
				writer.dropped(dropped.object(), options, keptTables);
			}
			else if (difference instanceof Changed changed) {
				writer.changed(changed.before(), changed.after());
			}
		}
		contracts.forEach((id) -> writer.call("contract", id));
		defaults.forEach((column) -> writer.call("setDefault", column.table(), column.name(),
				Objects.requireNonNull(column.defaultValue())));
		return new GeneratedSchemaMigration(writer.lines, writer.unsupported);
	}

	private void added(CatalogObject object, Catalog current) {
		if (object instanceof Table table) {
			createTable(table);
			table.uniqueConstraints().forEach(this::addConstraint);
			table.checks().forEach(this::addConstraint);
			table.indexes().forEach(this::addConstraint);
		}
		else if (object instanceof Column column) {
			if (column.identity()) {
				unsupported("column " + column.key() + " is an identity added to an existing table");
				return;
			}
			this.lines.add("schema.addColumn(" + literal(column.table()) + ", " + column(column) + ")");
		}
		else if (object instanceof PrimaryKey key) {
			unsupported("primary key " + key.key() + " added to an existing table");
		}
		else if (object instanceof Sequence sequence) {
			unsupported("sequence " + sequence.name());
		}
		else {
			addConstraint(object);
		}
	}

	private void createTable(Table table) {
		PrimaryKey key = table.primaryKey();
		List<Column> identities = table.columns().stream().filter(Column::identity).toList();
		String id = null;
		if (!identities.isEmpty()) {
			Column identity = identities.get(0);
			if (identities.size() > 1 || key == null || !key.columns().equals(List.of(identity.name()))
					|| !identity.type().toLowerCase(Locale.ROOT).startsWith("bigint")) {
				unsupported("table " + table.name() + ": the DSL's identity is one BIGINT primary key column");
				return;
			}
			id = identity.name();
		}
		StringBuilder definition = new StringBuilder("schema.createTable(").append(literal(table.name()))
			.append(", (table) -> table");
		for (Column column : table.columns()) {
			if (column.name().equals(id)) {
				definition.append("\n\t\t\t.id(").append(literal(column.name())).append(")");
				continue;
			}
			definition.append("\n\t\t\t.column(")
				.append(literal(column.name()))
				.append(", Type.sql(")
				.append(literal(column.type()))
				.append("))");
			if (!column.nullable()) {
				definition.append(".notNull()");
			}
			if (column.defaultValue() != null) {
				definition.append(".defaultValue(").append(literal(column.defaultValue())).append(")");
			}
		}
		if (key != null && id == null) {
			definition.append("\n\t\t\t.primaryKey(").append(literals(key.columns())).append(")");
		}
		this.lines.add(definition.append(")").toString());
	}

	private void addConstraint(CatalogObject object) {
		String name = this.ddl.constraintName(object, object.name());
		if (object instanceof Index index) {
			call(index.unique() ? "addUniqueIndex" : "addIndex", prepend(index.table(), name, index.columns()));
		}
		else if (object instanceof UniqueConstraint unique) {
			call("addUnique", prepend(unique.table(), name, unique.columns()));
		}
		else if (object instanceof Check check) {
			call("addCheck", check.table(), name, ScriptDdl.bare(check.clause()));
		}
		else if (object instanceof ForeignKey key) {
			this.lines.add("schema.addForeignKey(" + literal(key.table()) + ", " + literal(name) + ", "
					+ foreignKey(key) + ")");
		}
	}

	private void dropped(CatalogObject object, WriteOptions options, Set<String> keptTables) {
		if (object instanceof Table table) {
			if (options.allowDrop()) {
				table.indexes().forEach(this::dropConstraint);
				table.checks().forEach(this::dropConstraint);
				table.uniqueConstraints().forEach(this::dropConstraint);
				// The definition makes the drop reversible: its undo creates the table again.
				String create = lineOf(table);
				if (create != null) {
					this.lines.add(create.replaceFirst("^schema\\.createTable\\(", "schema.dropTable("));
				}
			}
		}
		else if (object instanceof Column column) {
			if (options.allowDrop()) {
				this.lines.add("schema.dropColumn(" + literal(column.table()) + ", " + column(column) + ")");
			}
		}
		else if (object instanceof Sequence sequence) {
			if (options.allowDrop()) {
				unsupported("sequence " + sequence.name());
			}
		}
		else if (object instanceof PrimaryKey key) {
			if (!keptTables.contains(key.table())) {
				unsupported("primary key " + key.key() + " dropped from a table that stays");
			}
		}
		else if (!keptTables.contains(ScriptDdl.tableOf(object))) {
			dropConstraint(object);
		}
	}

	private String lineOf(Table table) {
		int before = this.lines.size();
		createTable(table);
		return (this.lines.size() > before) ? this.lines.remove(this.lines.size() - 1) : null;
	}

	private void dropConstraint(CatalogObject object) {
		String name = this.ddl.constraintName(object, object.name());
		if (object instanceof Index index) {
			call(index.unique() ? "dropUniqueIndex" : "dropIndex", prepend(index.table(), name, index.columns()));
		}
		else if (object instanceof UniqueConstraint unique) {
			call("dropUnique", prepend(unique.table(), name, unique.columns()));
		}
		else if (object instanceof Check check) {
			call("dropCheck", check.table(), name, ScriptDdl.bare(check.clause()));
		}
		else if (object instanceof ForeignKey key) {
			this.lines.add("schema.dropForeignKey(" + literal(key.table()) + ", " + literal(name) + ", "
					+ foreignKey(key) + ")");
		}
	}

	private void changed(CatalogObject before, CatalogObject after) {
		if (!(before instanceof Column old) || !(after instanceof Column wanted)) {
			unsupported("sequence " + ((Sequence) after).name() + " changed");
			return;
		}
		if (old.identity() != wanted.identity()) {
			unsupported("column " + wanted.key() + " gains or loses its identity");
			return;
		}
		String table = old.table();
		if (!old.type().equals(wanted.type())) {
			this.lines.add("schema.changeColumnType(" + literal(table) + ", " + literal(old.name())
					+ ", TypeChange.of(Type.sql(" + literal(old.type()) + "), Type.sql(" + literal(wanted.type())
					+ ")))");
		}
		if (!Objects.equals(old.defaultValue(), wanted.defaultValue())) {
			if (old.defaultValue() != null) {
				call("dropDefault", table, old.name(), old.defaultValue());
			}
			if (wanted.defaultValue() != null) {
				call("setDefault", table, old.name(), wanted.defaultValue());
			}
		}
		if (old.nullable() && !wanted.nullable()) {
			call("setNotNull", table, old.name());
		}
		else if (!old.nullable() && wanted.nullable()) {
			call("dropNotNull", table, old.name());
		}
	}

	private String column(Column column) {
		return "Column.of(" + literal(column.name()) + ", Type.sql(" + literal(column.type()) + "))"
				+ (column.nullable() ? "" : ".notNull()")
				+ ((column.defaultValue() != null) ? ".defaultValue(" + literal(column.defaultValue()) + ")" : "");
	}

	private static String foreignKey(ForeignKey key) {
		return "ForeignKey.from(" + literals(key.columns()) + ").references(" + literal(key.referencedTable()) + ", "
				+ literals(key.referencedColumns()) + ")" + action("onDelete", key.onDelete())
				+ action("onUpdate", key.onUpdate());
	}

	private static String action(String method, String rule) {
		String name = rule.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
		return "NO_ACTION".equals(name) ? "" : "." + method + "(ForeignKey.Action." + name + ")";
	}

	private static List<String> prepend(String table, String name, List<String> columns) {
		List<String> arguments = new ArrayList<>(List.of(table, name));
		arguments.addAll(columns);
		return arguments;
	}

	private void call(String method, String... arguments) {
		call(method, List.of(arguments));
	}

	private void call(String method, List<String> arguments) {
		this.lines.add("schema." + method + "(" + literals(arguments) + ")");
	}

	private void unsupported(String what) {
		this.unsupported.add(what);
	}

	private static String literals(List<String> texts) {
		return texts.stream().map(SchemaMigrationWriter::literal).collect(Collectors.joining(", "));
	}

	static String literal(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
