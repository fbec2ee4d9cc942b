package dev.stepwise.migration.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import dev.stepwise.migration.api.DatabaseType;

/**
 * H2. Its constraint names are unique in the whole schema and it makes up
 * {@code CONSTRAINT_4F} for unnamed ones, which differ from one database to the next: such a
 * constraint is created under a name derived from what it is, so its undo can name it.
 */
final class H2ScriptDdl extends ScriptDdl {

	private static final Pattern MADE_UP = Pattern.compile("(CONSTRAINT|PRIMARY_KEY)_[0-9A-F]+");

	H2ScriptDdl() {
		super(DatabaseType.H2);
	}

	@Override
	boolean foldsToItself(String name) {
		return name.equals(name.toUpperCase(Locale.ROOT));
	}

	@Override
	String constraintName(CatalogObject object, String name) {
		if (!MADE_UP.matcher(name).matches()) {
			return name;
		}
		String table = tableOf(object);
		if (object instanceof PrimaryKey) {
			return "PK_" + table;
		}
		CRC32 crc = new CRC32();
		crc.update(object.key().getBytes(StandardCharsets.UTF_8));
		String prefix = (object instanceof Check) ? "CK_" : (object instanceof UniqueConstraint) ? "UK_"
				: (object instanceof ForeignKey) ? "FK_" : "IX_";
		return prefix + table + "_" + Long.toHexString(crc.getValue()).toUpperCase(Locale.ROOT);
	}

	@Override
	String renameColumn(String table, String from, String to) {
		return "ALTER TABLE " + name(table) + " ALTER COLUMN " + name(from) + " RENAME TO " + name(to);
	}

	@Override
	void changeColumn(Column before, Column after, ScriptParts parts) {
		String alter = "ALTER TABLE " + name(after.table()) + " ALTER COLUMN " + name(after.name());
		if (before.identity() != after.identity()) {
			parts.note("column " + after.key() + ": identity " + (after.identity() ? "added" : "removed")
					+ " is not written; write it by hand");
		}
		List<String> undo = new ArrayList<>();
		if (!before.type().equals(after.type())) {
			parts.up(alter + " SET DATA TYPE " + after.type());
			undo.add(alter + " SET DATA TYPE " + before.type());
		}
		if (!Objects.equals(before.defaultValue(), after.defaultValue())) {
			parts.up(alter + ((after.defaultValue() != null) ? " SET DEFAULT " + after.defaultValue() : " DROP DEFAULT"));
			undo.add(alter + ((before.defaultValue() != null) ? " SET DEFAULT " + before.defaultValue()
					: " DROP DEFAULT"));
		}
		if (before.nullable() != after.nullable()) {
			parts.up(alter + (after.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
			undo.add(alter + (before.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
		}
		Collections.reverse(undo);
		parts.down(undo);
	}

}
